import { z } from 'zod';

/**
 * Configuration, validated once at start-up: a missing or weak secret fails loudly here rather
 * than at the first sign-in.
 */
export const ZServerEnv = z.object({
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is required (npm start sets it for the embedded PostgreSQL)' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL'),
  NEXTAUTH_SECRET: z
    .string({ error: 'NEXTAUTH_SECRET is required (npm start generates one for local use)' })
    .min(32, 'NEXTAUTH_SECRET must be at least 32 characters'),
  NEXTAUTH_URL: z.url().optional(),
  /** Session length in hours: a working day by default. */
  CASEMARK_SESSION_HOURS: z.coerce.number().int().min(1).max(24).default(10),
  /** Proxies in front of the app that append to X-Forwarded-For (for per-address throttling). */
  CASEMARK_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(5).default(0),
});
export type TServerEnv = z.infer<typeof ZServerEnv>;

let cached: TServerEnv | undefined;

export function getServerEnv(): TServerEnv {
  if (cached) return cached;
  const parsed = ZServerEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Casemark configuration is invalid:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
