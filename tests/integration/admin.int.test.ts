import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { attemptSignIn } from '../../lib/auth/sign-in';
import { verifyPassword } from '../../lib/auth/password';
import { createUserAsAdmin, resetPassword, setUserActive, setUserAdmin } from '../../lib/admin/users';
import { createService, updateService } from '../../lib/admin/services';
import { createMigratedDatabase } from './test-database';
import { expectRefusedUnchanged } from './expect-refused';
import { seedWorld } from './world';
import { at } from '@/lib/must';

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('admin'));
  world = await seedWorld(prisma);
});
afterAll(async () => {
  await prisma?.$disconnect();
});

const actor = (u: { id: string; isAdmin: boolean }) => ({ id: u.id, isAdmin: u.isAdmin });
const PASSWORD = 'a-long-enough-password';

async function snapshot() {
  const [users, services, audit] = await Promise.all([
    prisma.user.findMany({ orderBy: { id: 'asc' } }),
    prisma.service.findMany({ orderBy: { id: 'asc' } }),
    prisma.auditEntry.count(),
  ]);
  return { users, services, audit };
}

const expectRefused = (run: () => Promise<unknown>, code: AppError['code'], message?: RegExp, fieldErrors?: Record<string, unknown>) =>
  expectRefusedUnchanged(snapshot, run, code, message, fieldErrors);

const lastAudit = (action: string, entityId?: string) =>
  prisma.auditEntry.findFirst({ where: { action, ...(entityId ? { entityId } : {}) }, orderBy: { id: 'desc' } });

let counter = 0;
const newEmail = () => `new-${++counter}-${Date.now()}@int.example`;

describe('users', () => {
  it('an admin creates a user who can then sign in; audited', async () => {
    const email = newEmail();
    const user = await createUserAsAdmin(prisma, actor(world.admin), {
      email: email.toUpperCase(),
      name: 'Nia New',
      password: PASSWORD,
      isAdmin: false,
    });
    expect(user).toMatchObject({ email, name: 'Nia New', isAdmin: false });
    expect(await lastAudit('user.create', user.id)).toMatchObject({
      actorId: world.admin.id,
      newValue: { email, name: 'Nia New', isAdmin: false },
    });
    expect(await attemptSignIn(prisma, { email, password: PASSWORD }, '10.0.0.1')).toMatchObject({ ok: true });
  });

  it('refuses a taken email, a short password and an empty name, changing nothing', async () => {
    await expectRefused(
      () => createUserAsAdmin(prisma, actor(world.admin), { email: world.lead.email, name: 'X', password: PASSWORD }),
      'conflict',
      undefined,
      {
        email: 'A user with this email address already exists',
      },
    );
    await expectRefused(
      () => createUserAsAdmin(prisma, actor(world.admin), { email: newEmail(), name: ' ', password: 'short' }),
      'invalid',
      undefined,
      {
        name: 'Enter a name',
        password: 'Password must be at least 12 characters',
      },
    );
  });

  it('resets a password: the old one stops working, the new one works; the audit holds no password', async () => {
    const user = await createUserAsAdmin(prisma, actor(world.admin), { email: newEmail(), name: 'Reset Me', password: PASSWORD });
    await resetPassword(prisma, actor(world.admin), { userId: user.id, password: 'brand-new-password-42' });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, 'brand-new-password-42')).toBe(true);
    expect(await verifyPassword(stored.passwordHash, PASSWORD)).toBe(false);
    const audit = await lastAudit('user.password_reset', user.id);
    expect(audit).toMatchObject({ actorId: world.admin.id, newValue: { passwordReset: true } });
    expect(JSON.stringify([audit?.oldValue, audit?.newValue])).not.toContain('brand-new-password-42');
    await expectRefused(() => resetPassword(prisma, actor(world.admin), { userId: user.id, password: 'short' }), 'invalid', undefined, {
      password: 'Password must be at least 12 characters',
    });
    await expectRefused(
      () => resetPassword(prisma, actor(world.admin), { userId: '00000000-0000-4000-8000-000000000000', password: PASSWORD }),
      'not_found',
    );
  });

  it('deactivates a user, who can no longer sign in but keeps their history, and reactivates them', async () => {
    const email = newEmail();
    const user = await createUserAsAdmin(prisma, actor(world.admin), { email, name: 'Dee Activated', password: PASSWORD });
    await setUserActive(prisma, actor(world.admin), { userId: user.id, isActive: 'false' });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).isActive).toBe(false);
    expect(await lastAudit('user.deactivate', user.id)).toMatchObject({ oldValue: { isActive: true }, newValue: { isActive: false } });
    expect(await attemptSignIn(prisma, { email, password: PASSWORD }, '10.0.0.2')).toMatchObject({ ok: false, code: 'invalid' });
    // History stays: the audit entries of their account are still there.
    expect(await prisma.auditEntry.count({ where: { entityId: user.id } })).toBe(2);
    await setUserActive(prisma, actor(world.admin), { userId: user.id, isActive: true });
    expect(await lastAudit('user.reactivate', user.id)).toMatchObject({ newValue: { isActive: true } });
    expect(await attemptSignIn(prisma, { email, password: PASSWORD }, '10.0.0.3')).toMatchObject({ ok: true });
  });

  it('gives and removes admin rights, audited', async () => {
    const user = await createUserAsAdmin(prisma, actor(world.admin), { email: newEmail(), name: 'Ada Two', password: PASSWORD });
    await setUserAdmin(prisma, actor(world.admin), { userId: user.id, isAdmin: 'true' });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).isAdmin).toBe(true);
    expect(await lastAudit('user.admin', user.id)).toMatchObject({ oldValue: { isAdmin: false }, newValue: { isAdmin: true } });
    // The new admin may now remove the first admin's rights… but not their own.
    await expectRefused(
      () => setUserAdmin(prisma, { id: user.id, isAdmin: true }, { userId: user.id, isAdmin: false }),
      'forbidden',
      /your own admin rights/,
    );
    await setUserAdmin(prisma, actor(world.admin), { userId: user.id, isAdmin: false });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).isAdmin).toBe(false);
  });

  it('an admin cannot deactivate themselves or remove their own admin rights', async () => {
    await expectRefused(
      () => setUserActive(prisma, actor(world.admin), { userId: world.admin.id, isActive: false }),
      'forbidden',
      /your own account/,
    );
    await expectRefused(
      () => setUserAdmin(prisma, actor(world.admin), { userId: world.admin.id, isAdmin: false }),
      'forbidden',
      /your own admin rights/,
    );
  });

  it('refuses every user action to non-admins, whatever their role on an inspection', async () => {
    for (const who of [world.lead, world.inspector, world.manager, world.outsider]) {
      await expectRefused(
        () => createUserAsAdmin(prisma, actor(who), { email: newEmail(), name: 'Sneaky', password: PASSWORD }),
        'forbidden',
      );
      await expectRefused(() => resetPassword(prisma, actor(who), { userId: world.admin.id, password: PASSWORD }), 'forbidden');
      await expectRefused(() => setUserActive(prisma, actor(who), { userId: world.admin.id, isActive: false }), 'forbidden');
      await expectRefused(() => setUserAdmin(prisma, actor(who), { userId: who.id, isAdmin: true }), 'forbidden');
    }
  });

  it('refuses a deactivated admin, and one whose flag was removed since the session began', async () => {
    const user = await createUserAsAdmin(prisma, actor(world.admin), {
      email: newEmail(),
      name: 'Former Admin',
      password: PASSWORD,
      isAdmin: true,
    });
    await setUserAdmin(prisma, actor(world.admin), { userId: user.id, isAdmin: false });
    await expectRefused(() => setUserAdmin(prisma, { id: user.id, isAdmin: true }, { userId: user.id, isAdmin: true }), 'forbidden');
    await setUserAdmin(prisma, actor(world.admin), { userId: user.id, isAdmin: true });
    await setUserActive(prisma, actor(world.admin), { userId: user.id, isActive: false });
    await expectRefused(
      () => createService(prisma, { id: user.id, isAdmin: true }, { name: 'Ghost YJS', localAuthority: 'X', region: 'Y' }),
      'forbidden',
    );
  });
});

describe('the last admin', () => {
  it('cannot be removed: two admins removing each other at once leave one', async () => {
    const { prisma: lone } = await createMigratedDatabase('lastadmin');
    try {
      const mk = (email: string) =>
        lone.user.create({ data: { email, name: email, passwordHash: 'x', isAdmin: true }, select: { id: true, isAdmin: true } });
      const [a, b] = await Promise.all([mk('a@x.example'), mk('b@x.example')]);
      const results = await Promise.allSettled([
        setUserAdmin(lone, a, { userId: b.id, isAdmin: false }),
        setUserAdmin(lone, b, { userId: a.id, isAdmin: false }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await lone.user.count({ where: { isAdmin: true, isActive: true } })).toBe(1);
      const survivor = at(await lone.user.findMany({ where: { isAdmin: true }, select: { id: true, isAdmin: true } }), 0);
      const other = survivor.id === a.id ? b : a;
      await lone.user.update({ where: { id: other.id }, data: { isAdmin: true } });
      // With two again, deactivating one is fine; the survivor cannot then be deactivated by a non-admin.
      await setUserActive(lone, survivor, { userId: other.id, isActive: false });
      expect(await lone.user.count({ where: { isAdmin: true, isActive: true } })).toBe(1);
    } finally {
      await lone.$disconnect();
    }
  });
});

describe('services', () => {
  it('an admin creates and edits a service, audited old → new', async () => {
    const service = await createService(prisma, actor(world.admin), {
      name: ' Southdale YJS ',
      localAuthority: 'Southdale Council',
      region: 'South West',
    });
    expect(service).toMatchObject({ name: 'Southdale YJS', localAuthority: 'Southdale Council', region: 'South West' });
    expect(await lastAudit('service.create', service.id)).toMatchObject({ actorId: world.admin.id, newValue: { name: 'Southdale YJS' } });
    await updateService(prisma, actor(world.admin), {
      serviceId: service.id,
      name: 'Southdale Youth Justice Service',
      localAuthority: 'Southdale Council',
      region: 'South',
    });
    expect(await prisma.service.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({
      name: 'Southdale Youth Justice Service',
      region: 'South',
    });
    expect(await lastAudit('service.update', service.id)).toMatchObject({
      oldValue: { name: 'Southdale YJS', region: 'South West' },
      newValue: { name: 'Southdale Youth Justice Service', region: 'South' },
    });
    // Saving a service under its own name is fine.
    await updateService(prisma, actor(world.admin), {
      serviceId: service.id,
      name: 'Southdale Youth Justice Service',
      localAuthority: 'Southdale Council',
      region: 'South',
    });
  });

  it('refuses a taken name, blank fields and an unknown service', async () => {
    const taken = (await prisma.service.findFirstOrThrow()).name;
    await expectRefused(
      () => createService(prisma, actor(world.admin), { name: taken.toLowerCase(), localAuthority: 'A', region: 'B' }),
      'invalid',
      undefined,
      {
        name: expect.stringContaining('already exists'),
      },
    );
    await expectRefused(
      () => createService(prisma, actor(world.admin), { name: '', localAuthority: '', region: '' }),
      'invalid',
      undefined,
      {
        name: 'Enter the service’s name',
        localAuthority: 'Enter the local authority',
        region: 'Enter the region',
      },
    );
    const other = await createService(prisma, actor(world.admin), { name: 'Other YJS', localAuthority: 'A', region: 'B' });
    await expectRefused(
      () => updateService(prisma, actor(world.admin), { serviceId: other.id, name: taken, localAuthority: 'A', region: 'B' }),
      'invalid',
    );
    await expectRefused(
      () =>
        updateService(prisma, actor(world.admin), {
          serviceId: '00000000-0000-4000-8000-000000000000',
          name: 'Z',
          localAuthority: 'A',
          region: 'B',
        }),
      'not_found',
    );
  });

  it('refuses non-admins', async () => {
    const service = await prisma.service.findFirstOrThrow();
    for (const who of [world.lead, world.inspector, world.manager, world.outsider]) {
      await expectRefused(() => createService(prisma, actor(who), { name: 'Nope YJS', localAuthority: 'A', region: 'B' }), 'forbidden');
      await expectRefused(
        () => updateService(prisma, actor(who), { serviceId: service.id, name: 'Renamed', localAuthority: 'A', region: 'B' }),
        'forbidden',
      );
    }
  });
});
