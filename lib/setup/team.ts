import type { PrismaClient } from '@/lib/generated/prisma/client';
import { allocatableRoles, type Actor, type TeamRole } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { ROLE_LABELS } from '@/lib/format/labels';
import { ZAddMember, ZChangeMemberRole, ZRemoveMember } from '@/lib/validation/setup';
import { parseOrThrow } from '@/lib/validation/parse';
import { lockInspectionForManage, type Tx } from './manage-access';
import { writeAudit } from '@/lib/audit/write';

async function findMemberOrThrow(tx: Tx, inspectionId: string, userId: string) {
  const member = await tx.inspectionMember.findUnique({
    where: { inspectionId_userId: { inspectionId, userId } },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
  });
  if (!member) throw new AppError('not_found', 'That person is not on this inspection’s team.');
  return member;
}

/** A team must keep a lead inspector: the one who runs set-up and the ratings panel. */
async function refuseLosingLastLead(tx: Tx, inspectionId: string, member: { role: TeamRole; user: { name: string } }, what: string) {
  if (member.role !== 'lead_inspector') return;
  const leads = await tx.inspectionMember.count({ where: { inspectionId, role: 'lead_inspector' } });
  if (leads <= 1) {
    throw new AppError(
      'invalid',
      `${member.user.name} is the only lead inspector, so they cannot be ${what}. Make someone else lead inspector first.`,
    );
  }
}

/** Cases allocated to a person must be reallocated before they stop being able to mark them. */
async function refuseWithAllocatedCases(tx: Tx, inspectionId: string, member: { user: { id: string; name: string } }, what: string) {
  const allocated = await tx.case.count({ where: { inspectionId, inspectorId: member.user.id } });
  if (allocated > 0) {
    throw new AppError(
      'invalid',
      `${member.user.name} has ${allocated} ${allocated === 1 ? 'case' : 'cases'} allocated, so they cannot be ${what}. Reallocate their cases first.`,
    );
  }
}

/** Adds a person with an active account to the team in a role. Audited. */
export async function addMember(db: PrismaClient, actor: Actor, input: unknown): Promise<{ name: string }> {
  const { inspectionId, email, role } = parseOrThrow(ZAddMember, input);
  return db.$transaction(async (tx) => {
    await lockInspectionForManage(tx, actor, inspectionId);
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, isActive: true } });
    if (!user || !user.isActive) {
      const message = `No active user has the email address ${email}. Ask an admin to create their account`;
      throw new AppError('invalid', message, { email: message });
    }
    const existing = await tx.inspectionMember.findUnique({
      where: { inspectionId_userId: { inspectionId, userId: user.id } },
      select: { role: true },
    });
    if (existing) {
      const message = `${user.name} is already on the team as ${ROLE_LABELS[existing.role].toLowerCase()}`;
      throw new AppError('invalid', message, { email: message });
    }
    await tx.inspectionMember.create({ data: { inspectionId, userId: user.id, role } });
    await writeAudit(tx, {
      actorId: actor.id,
      inspectionId,
      action: 'member.add',
      entityId: `${inspectionId}:${user.id}`,
      newValue: { email, role },
    });
    return { name: user.name };
  });
}

/** Changes a team member's role, keeping at least one lead and no cases on a manager. Audited. */
export async function changeMemberRole(db: PrismaClient, actor: Actor, input: unknown): Promise<{ name: string }> {
  const { inspectionId, userId, role } = parseOrThrow(ZChangeMemberRole, input);
  return db.$transaction(async (tx) => {
    await lockInspectionForManage(tx, actor, inspectionId);
    const member = await findMemberOrThrow(tx, inspectionId, userId);
    if (member.role === role) return { name: member.user.name };
    await refuseLosingLastLead(tx, inspectionId, member, `made ${ROLE_LABELS[role].toLowerCase()}`);
    if (!allocatableRoles().includes(role))
      await refuseWithAllocatedCases(
        tx,
        inspectionId,
        member,
        role === 'manager' ? 'made a manager (read-only)' : 'made a quality assurer (no marking)',
      );
    await tx.inspectionMember.update({ where: { inspectionId_userId: { inspectionId, userId } }, data: { role } });
    await writeAudit(tx, {
      actorId: actor.id,
      inspectionId,
      action: 'member.role',
      entityId: `${inspectionId}:${userId}`,
      oldValue: { role: member.role },
      newValue: { role },
    });
    return { name: member.user.name };
  });
}

/** Takes someone off the team (their answers stay). Keeps at least one lead; refuses while they have cases. */
export async function removeMember(db: PrismaClient, actor: Actor, input: unknown): Promise<{ name: string }> {
  const { inspectionId, userId } = parseOrThrow(ZRemoveMember, input);
  return db.$transaction(async (tx) => {
    await lockInspectionForManage(tx, actor, inspectionId);
    const member = await findMemberOrThrow(tx, inspectionId, userId);
    await refuseLosingLastLead(tx, inspectionId, member, 'removed');
    await refuseWithAllocatedCases(tx, inspectionId, member, 'removed');
    await tx.inspectionMember.delete({ where: { inspectionId_userId: { inspectionId, userId } } });
    await writeAudit(tx, {
      actorId: actor.id,
      inspectionId,
      action: 'member.remove',
      entityId: `${inspectionId}:${userId}`,
      oldValue: { email: member.user.email, role: member.role },
    });
    return { name: member.user.name };
  });
}
