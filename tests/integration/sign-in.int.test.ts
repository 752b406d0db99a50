import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueDeviceCookie, verifyDeviceCookie } from '../../lib/auth/device-cookie';
import { hashPassword } from '../../lib/auth/password';
import { attemptSignIn, type SignInClient } from '../../lib/auth/sign-in';
import { FREE_FAILURES, FREE_FAILURES_PER_ADDRESS, MAX_DELAY_MS } from '../../lib/auth/throttle';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createMigratedDatabase } from './test-database';

const SECRET = 'integration-secret-integration-secret';
const RIGHT = 'the right password';

let prisma: PrismaClient;
let counter = 0;
async function newUser(): Promise<string> {
  const email = `user-${++counter}-${Date.now()}@example.gov.uk`;
  await prisma.user.create({ data: { email, name: 'Ada', passwordHash: await passwordHash } });
  return email;
}
let passwordHash: Promise<string>;

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('signin'));
  passwordHash = hashPassword(RIGHT);
  await prisma.user.create({ data: { email: 'ada@example.gov.uk', name: 'Ada', passwordHash: await passwordHash } });
});
afterAll(async () => {
  await prisma?.$disconnect();
});

/** A browser: an address, and the device cookie it was given at its last successful sign-in. */
const browser = (address: string | null, cookie?: string): SignInClient => ({
  address,
  deviceFor: (email) => verifyDeviceCookie(SECRET, email, cookie),
});
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe('attemptSignIn', () => {
  it('signs in with the right password, case-insensitively on the email', async () => {
    const result = await attemptSignIn(prisma, { email: ' Ada@Example.GOV.UK ', password: RIGHT }, null);
    expect(result).toMatchObject({ ok: true, user: { email: 'ada@example.gov.uk' } });
  });

  it('refuses bad input without recording anything', async () => {
    const before = await prisma.loginAttempt.count();
    expect(await attemptSignIn(prisma, { email: 'nope', password: '' }, null)).toMatchObject({ ok: false, code: 'bad_input' });
    expect(await prisma.loginAttempt.count()).toBe(before);
  });

  it('checks a burst of wrong passwords only five times; the rest must wait and are not recorded', async () => {
    const email = await newUser();
    const now = new Date();
    const attempts = await Promise.all(
      Array.from({ length: 13 }, (_, i) => attemptSignIn(prisma, { email, password: `wrong ${i}` }, browser('203.0.113.7'), now)),
    );
    expect(attempts.filter((a) => !a.ok && a.code === 'invalid')).toHaveLength(FREE_FAILURES);
    expect(attempts.filter((a) => !a.ok && a.code === 'throttled')).toHaveLength(13 - FREE_FAILURES);
    expect(await prisma.loginAttempt.count({ where: { email } })).toBe(FREE_FAILURES);
    // Even the right password must wait the delay from a browser the account has not trusted…
    expect(await attemptSignIn(prisma, { email, password: RIGHT }, browser('198.51.100.1'), at(now, 500))).toMatchObject({
      ok: false,
      code: 'throttled',
      message: 'Too many failed sign-in attempts. Wait 1 second, then try again.',
    });
    // …but only the delay: no hard lock.
    expect(await attemptSignIn(prisma, { email, password: RIGHT }, browser('198.51.100.1'), at(now, 1000))).toMatchObject({ ok: true });
  });

  it('doubles the delay with each further failure, up to 15 minutes', async () => {
    const email = await newUser();
    let now = new Date(Date.now() - 14 * 60 * 1000);
    for (let i = 0; i < FREE_FAILURES; i++) {
      expect(await attemptSignIn(prisma, { email, password: 'wrong' }, null, now)).toMatchObject({ code: 'invalid' });
    }
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const refused = await attemptSignIn(prisma, { email, password: 'wrong' }, null, now);
      expect(refused).toMatchObject({ code: 'throttled' });
      const wait = refused.ok || refused.code !== 'throttled' ? 0 : refused.retryAfterMs;
      waits.push(wait);
      now = at(now, wait);
      expect(await attemptSignIn(prisma, { email, password: 'wrong' }, null, now)).toMatchObject({ code: 'invalid' });
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    expect(MAX_DELAY_MS).toBe(15 * 60 * 1000);
  });

  it('never keeps out a browser that signed in before as the user (OWASP device cookie)', async () => {
    const email = await newUser();
    const myCookie = issueDeviceCookie(SECRET, email);
    const now = new Date();
    // An attacker sends wrong passwords from many addresses, without the user's device cookie.
    for (let i = 0; i < 30; i++) {
      await attemptSignIn(
        prisma,
        { email, password: `guess ${i}` },
        browser(`192.0.2.${i}`, issueDeviceCookie(SECRET, 'attacker@example.com')),
        now,
      );
    }
    expect(await attemptSignIn(prisma, { email, password: RIGHT }, browser('198.51.100.50'), now)).toMatchObject({ code: 'throttled' });
    // The user's own browser is not delayed at all.
    expect(await attemptSignIn(prisma, { email, password: RIGHT }, browser('198.51.100.50', myCookie), now)).toMatchObject({ ok: true });
  });

  it('counts a trusted browser’s own failures against that browser only', async () => {
    const email = await newUser();
    const myCookie = issueDeviceCookie(SECRET, email);
    const otherCookie = issueDeviceCookie(SECRET, email);
    const now = new Date();
    for (let i = 0; i < FREE_FAILURES; i++) {
      expect(await attemptSignIn(prisma, { email, password: 'typo' }, browser(null, myCookie), now)).toMatchObject({ code: 'invalid' });
    }
    expect(await attemptSignIn(prisma, { email, password: RIGHT }, browser(null, myCookie), now)).toMatchObject({ code: 'throttled' });
    // The user's other trusted browser, and browsers without a cookie, are not affected.
    expect(await attemptSignIn(prisma, { email, password: RIGHT }, browser(null, otherCookie), now)).toMatchObject({ ok: true });
    expect(await attemptSignIn(prisma, { email, password: RIGHT }, browser(null), now)).toMatchObject({ ok: true });
  });

  it('limits guessing per client address across accounts, when the address is known', async () => {
    const now = new Date();
    const address = '203.0.113.99';
    for (let i = 0; i < FREE_FAILURES_PER_ADDRESS; i++) {
      expect(await attemptSignIn(prisma, { email: `nobody-${i}@example.gov.uk`, password: 'x' }, browser(address), now)).toMatchObject({
        code: 'invalid',
      });
    }
    const email = await newUser();
    expect(await attemptSignIn(prisma, { email, password: RIGHT }, browser(address), now)).toMatchObject({ code: 'throttled' });
    // A browser at that address that the account trusts is not delayed by the others' guesses.
    expect(await attemptSignIn(prisma, { email, password: RIGHT }, browser(address, issueDeviceCookie(SECRET, email)), now)).toMatchObject({
      ok: true,
    });
  });

  it('forgets failures older than 15 minutes', async () => {
    const email = await newUser();
    const now = new Date();
    for (let i = 0; i < FREE_FAILURES + 3; i++) await attemptSignIn(prisma, { email, password: 'wrong' }, null, at(now, i * 60_000));
    const later = at(now, (FREE_FAILURES + 3) * 60_000 + 15 * 60 * 1000);
    expect(await attemptSignIn(prisma, { email, password: RIGHT }, null, later)).toMatchObject({ ok: true });
  });
});
