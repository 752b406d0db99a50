import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchOidcUser } from '../../lib/auth/oidc';
import { ZServerEnv, ZServerEnvChecked } from '../../lib/env';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createMigratedDatabase } from './test-database';

let prisma: PrismaClient;
let active: { id: string };
beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('oidc'));
  active = await prisma.user.create({ data: { email: 'ada@example.gov.uk', name: 'Ada', passwordHash: 'x' } });
  await prisma.user.create({ data: { email: 'gone@example.gov.uk', name: 'Gone', passwordHash: 'x', isActive: false } });
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe('matchOidcUser', () => {
  it('matches a verified email to an active user, case-insensitively', async () => {
    expect(await matchOidcUser(prisma, { sub: 'x', email: 'Ada@Example.GOV.UK', email_verified: true })).toEqual({
      ok: true,
      user: { id: active.id, email: 'ada@example.gov.uk', name: 'Ada' },
    });
  });

  it('refuses an unverified email, even of a real user', async () => {
    for (const verified of [false, undefined, 'true', 1]) {
      expect(await matchOidcUser(prisma, { email: 'ada@example.gov.uk', email_verified: verified })).toEqual({
        ok: false,
        code: 'OidcUnverified',
      });
    }
    expect(await matchOidcUser(prisma, undefined)).toEqual({ ok: false, code: 'OidcUnverified' });
  });

  it('refuses an unknown email and a deactivated user, creating nobody', async () => {
    const before = await prisma.user.count();
    expect(await matchOidcUser(prisma, { email: 'stranger@example.gov.uk', email_verified: true })).toEqual({
      ok: false,
      code: 'OidcNoAccount',
    });
    expect(await matchOidcUser(prisma, { email: 'gone@example.gov.uk', email_verified: true })).toEqual({
      ok: false,
      code: 'OidcNoAccount',
    });
    expect(await prisma.user.count()).toBe(before);
  });
});

describe('single sign-on configuration', () => {
  const base = { DATABASE_URL: 'postgresql://x@y/z', NEXTAUTH_SECRET: 's'.repeat(32) };
  it('is off when unset or blank, and accepts a full set', () => {
    expect(ZServerEnv.parse(base).CASEMARK_OIDC_ISSUER).toBeUndefined();
    expect(ZServerEnv.parse({ ...base, CASEMARK_OIDC_ISSUER: ' ' }).CASEMARK_OIDC_ISSUER).toBeUndefined();
    const full = ZServerEnv.parse({
      ...base,
      CASEMARK_OIDC_ISSUER: 'https://login.example.gov.uk/tenant/v2.0',
      CASEMARK_OIDC_CLIENT_ID: 'id',
      CASEMARK_OIDC_CLIENT_SECRET: 'secret',
    });
    expect(full.CASEMARK_OIDC_ISSUER).toBe('https://login.example.gov.uk/tenant/v2.0');
  });

  it('refuses a partial set with a message naming all three', () => {
    const partial = ZServerEnvChecked.safeParse({ ...base, CASEMARK_OIDC_ISSUER: 'https://login.example.gov.uk' });
    expect(partial.success).toBe(false);
    expect(partial.error?.issues[0]?.message).toMatch(/CASEMARK_OIDC_CLIENT_ID and CASEMARK_OIDC_CLIENT_SECRET/);
  });

  it('refuses an issuer that is not an http(s) URL', () => {
    expect(ZServerEnv.safeParse({ ...base, CASEMARK_OIDC_ISSUER: 'login.example.gov.uk' }).success).toBe(false);
    expect(ZServerEnv.safeParse({ ...base, CASEMARK_OIDC_ISSUER: 'ftp://login.example.gov.uk' }).success).toBe(false);
  });
});
