import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../lib/auth/password';
import { attemptSignIn } from '../../lib/auth/sign-in';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createMigratedDatabase } from './test-database';

let prisma: PrismaClient;
beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('signin'));
  await prisma.user.create({ data: { email: 'ada@example.gov.uk', name: 'Ada', passwordHash: await hashPassword('the right password') } });
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe('attemptSignIn', () => {
  it('signs in with the right password, case-insensitively on the email', async () => {
    const result = await attemptSignIn(prisma, { email: ' Ada@Example.GOV.UK ', password: 'the right password' }, null);
    expect(result).toMatchObject({ ok: true, user: { email: 'ada@example.gov.uk' } });
  });

  it('refuses bad input without recording anything', async () => {
    const before = await prisma.loginAttempt.count();
    expect(await attemptSignIn(prisma, { email: 'nope', password: '' }, null)).toMatchObject({ ok: false, code: 'bad_input' });
    expect(await prisma.loginAttempt.count()).toBe(before);
  });

  it('lets a burst of wrong passwords through no more than ten times', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 13 }, (_, i) => attemptSignIn(prisma, { email: 'ada@example.gov.uk', password: `wrong ${i}` }, '203.0.113.7')),
    );
    expect(attempts.filter((a) => !a.ok && a.code === 'invalid')).toHaveLength(10);
    expect(attempts.filter((a) => !a.ok && a.code === 'throttled')).toHaveLength(3);
    // Now even the right password is refused, for this account…
    expect(await attemptSignIn(prisma, { email: 'ada@example.gov.uk', password: 'the right password' }, '198.51.100.1')).toMatchObject({
      ok: false,
      code: 'throttled',
    });
    // …and the address is throttled for other accounts too.
    expect(await attemptSignIn(prisma, { email: 'someone@example.gov.uk', password: 'x' }, '203.0.113.7')).toMatchObject({ code: 'throttled' });
  });

  it('forgets failures older than 15 minutes', async () => {
    const later = new Date(Date.now() + 16 * 60 * 1000);
    expect(await attemptSignIn(prisma, { email: 'ada@example.gov.uk', password: 'the right password' }, null, later)).toMatchObject({ ok: true });
  });
});
