import { z } from 'zod';

export const ZEmail = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.com' }))
  .transform((email) => email.toLowerCase());

export const ZPassword = z
  .string({ error: 'Enter a password' })
  .min(12, 'Password must be at least 12 characters')
  .max(200, 'Password must be 200 characters or fewer');

export const ZCreateUser = z.object({
  email: ZEmail,
  name: z.string({ error: 'Enter a name' }).trim().min(1, 'Enter a name').max(100, 'Name must be 100 characters or fewer'),
  password: ZPassword,
  isAdmin: z.boolean().default(false),
});
