import { z } from 'zod';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { DUMMY_HASH, verifyPassword } from './password';
import { SIGN_IN_MESSAGES } from './sign-in-messages';
import { THROTTLE_WINDOW_MS, isSignInThrottled } from './throttle';

export const ZSignIn = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.com' }))
    .transform((e) => e.toLowerCase()),
  password: z.string().min(1, 'Enter your password').max(200, 'Password must be 200 characters or fewer'),
});
export type TSignIn = z.infer<typeof ZSignIn>;

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; isAdmin: boolean } }
  | { ok: false; code: 'invalid' | 'throttled' | 'bad_input'; message: string };


/**
 * Checks credentials with throttling. Every attempt is recorded; a throttled attempt is refused
 * before the password is checked, and an unknown account costs the same time as a known one.
 */
export async function attemptSignIn(
  prisma: PrismaClient,
  input: unknown,
  address: string | null,
  now: Date = new Date(),
): Promise<SignInResult> {
  const parsed = ZSignIn.safeParse(input);
  if (!parsed.success) {
    return { ok: false, code: 'bad_input', message: parsed.error.issues[0]?.message ?? SIGN_IN_MESSAGES.invalid };
  }
  const { email, password } = parsed.data;
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const recordedAddress = address ?? 'unknown';
  // One attempt per account at a time, so a burst cannot slip past the count.
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))`;
      const [forAccount, forAddress] = await Promise.all([
        tx.loginAttempt.count({ where: { email, isSuccess: false, attemptedAt: { gte: since } } }),
        address ? tx.loginAttempt.count({ where: { ip: address, isSuccess: false, attemptedAt: { gte: since } } }) : Promise.resolve(0),
      ]);
      if (isSignInThrottled({ forAccount, forAddress })) {
        await tx.loginAttempt.create({ data: { email, ip: recordedAddress, isSuccess: false, attemptedAt: now } });
        return { ok: false as const, code: 'throttled' as const, message: SIGN_IN_MESSAGES.throttled };
      }
      const user = await tx.user.findUnique({
        where: { email },
        select: { id: true, email: true, name: true, isAdmin: true, isActive: true, passwordHash: true },
      });
      const isValid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
      const isSuccess = Boolean(user && user.isActive && isValid);
      await tx.loginAttempt.create({ data: { email, ip: recordedAddress, isSuccess, attemptedAt: now } });
      if (!isSuccess || !user) return { ok: false as const, code: 'invalid' as const, message: SIGN_IN_MESSAGES.invalid };
      return { ok: true as const, user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin } };
    },
    { timeout: 15_000 },
  );
}
