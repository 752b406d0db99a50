import { z } from 'zod';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { DUMMY_HASH, verifyPassword } from './password';
import { recordSignIn } from '@/lib/ops/metrics';
import { SIGN_IN_MESSAGES, throttledMessage } from './sign-in-messages';
import { FREE_FAILURES_PER_ADDRESS, THROTTLE_WINDOW_MS, retryAfterMs, type ScopeFailures } from './throttle';

const ZSignIn = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.com' }))
    .transform((e) => e.toLowerCase()),
  password: z.string().min(1, 'Enter your password').max(200, 'Password must be 200 characters or fewer'),
});

type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; isAdmin: boolean } }
  | { ok: false; code: 'invalid' | 'bad_input'; message: string }
  | { ok: false; code: 'throttled'; message: string; retryAfterMs: number };

export interface SignInClient {
  /** The client's address when it can be trusted (see clientAddress), else null. */
  address: string | null;
  /**
   * The nonce of the browser's device cookie when it is valid for the email being tried
   * (verifyDeviceCookie), else null.
   */
  deviceFor?: (email: string) => string | null;
}

/**
 * Checks credentials with throttling (lib/auth/throttle.ts). Failed attempts are recorded with
 * the device they came from; an attempt made before its delay is over is refused before the
 * password is checked and is not recorded. An unknown account costs the same time as a known one.
 */
export async function attemptSignIn(
  prisma: PrismaClient,
  input: unknown,
  client: SignInClient | string | null,
  now: Date = new Date(),
): Promise<SignInResult> {
  const parsed = ZSignIn.safeParse(input);
  if (!parsed.success) {
    return { ok: false, code: 'bad_input', message: parsed.error.issues[0]?.message ?? SIGN_IN_MESSAGES.invalid };
  }
  const { address, deviceFor } = typeof client === 'object' && client !== null ? client : { address: client, deviceFor: undefined };
  const { email, password } = parsed.data;
  const deviceId = deviceFor?.(email) ?? null;
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const failures = { isSuccess: false, attemptedAt: { gte: since, lte: now } } as const;
  const scope = (rows: { _count: { _all: number }; _max: { attemptedAt: Date | null } }): ScopeFailures => ({
    count: rows._count._all,
    lastAt: rows._max.attemptedAt,
  });
  // One attempt per account at a time, so a burst cannot slip past the count.
  const result = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))`;
      const agg = { _count: { _all: true }, _max: { attemptedAt: true } } as const;
      // A trusted browser is limited by its own failures only; every other browser shares the
      // account's failures from browsers without a device cookie, and its address's failures.
      const [forDevice, forAccount, forAddress] = await Promise.all([
        deviceId ? tx.loginAttempt.aggregate({ where: { ...failures, deviceId }, ...agg }).then(scope) : null,
        deviceId ? null : tx.loginAttempt.aggregate({ where: { ...failures, email, deviceId: null }, ...agg }).then(scope),
        !deviceId && address
          ? tx.loginAttempt.aggregate({ where: { ...failures, ip: address, deviceId: null }, ...agg }).then(scope)
          : null,
      ]);
      const wait = Math.max(
        forDevice ? retryAfterMs(forDevice, now) : 0,
        forAccount ? retryAfterMs(forAccount, now) : 0,
        forAddress ? retryAfterMs(forAddress, now, FREE_FAILURES_PER_ADDRESS) : 0,
      );
      if (wait > 0) return { ok: false as const, code: 'throttled' as const, message: throttledMessage(wait), retryAfterMs: wait };
      const user = await tx.user.findUnique({
        where: { email },
        select: { id: true, email: true, name: true, isAdmin: true, isActive: true, passwordHash: true },
      });
      const isValid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
      const isSuccess = Boolean(user && user.isActive && isValid);
      await tx.loginAttempt.create({ data: { email, ip: address ?? 'unknown', isSuccess, attemptedAt: now, deviceId } });
      if (!isSuccess || !user) return { ok: false as const, code: 'invalid' as const, message: SIGN_IN_MESSAGES.invalid };
      return { ok: true as const, user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin } };
    },
    // A burst (an office signing in at nine, or an attacker) queues for the pool and the lock
    // rather than failing: attempts on one account are serialised on purpose.
    { maxWait: 30_000, timeout: 15_000 },
  );
  recordSignIn(result);
  return result;
}
