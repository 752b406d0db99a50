import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../lib/generated/prisma/client';

const tag = () => randomBytes(3).toString('hex');

/** An inspection with a lead, two inspectors, a manager, an outsider, and a few cases. */
export async function seedWorld(
  prisma: PrismaClient,
  options: { framework?: 'v2018' | 'v2021'; status?: 'set_up' | 'fieldwork' | 'panel' | 'published' } = {},
) {
  const mk = (label: string, isAdmin = false) =>
    prisma.user.create({
      data: { email: `${label}-${tag()}@int.example`, name: `${label} ${tag()}`, passwordHash: 'x', isAdmin },
      select: { id: true, isAdmin: true, name: true, email: true },
    });
  const [lead, inspector, otherInspector, manager, outsider, admin] = await Promise.all([
    mk('lead'),
    mk('inspector'),
    mk('other'),
    mk('manager'),
    mk('outsider'),
    mk('admin', true),
  ]);
  const service = await prisma.service.create({ data: { name: `Service ${tag()}`, localAuthority: 'LA', region: 'North' } });
  const inspection = await prisma.inspection.create({
    data: {
      serviceId: service.id,
      framework: options.framework ?? 'v2018',
      fieldworkStart: new Date('2026-11-16'),
      fieldworkEnd: new Date('2026-11-20'),
      status: options.status ?? 'fieldwork',
      members: {
        create: [
          { userId: lead.id, role: 'lead_inspector' },
          { userId: inspector.id, role: 'inspector' },
          { userId: otherInspector.id, role: 'inspector' },
          { userId: manager.id, role: 'manager' },
        ],
      },
    },
  });
  const mkCase = (reference: string, type: 'court' | 'out_of_court' | 'resettlement', disposal: string, inspectorId: string) =>
    prisma.case.create({
      data: { inspectionId: inspection.id, reference, type, disposal: disposal as never, inspectorId },
      select: { id: true, reference: true },
    });
  const court = await mkCase('C-1', 'court', 'referral_order', inspector.id);
  const youthCaution = await mkCase('O-1', 'out_of_court', 'youth_caution', inspector.id);
  const ycc = await mkCase('O-2', 'out_of_court', 'youth_conditional_caution', inspector.id);
  const othersCase = await mkCase('C-2', 'court', 'youth_rehabilitation_order', otherInspector.id);
  return { inspection, lead, inspector, otherInspector, manager, outsider, admin, cases: { court, youthCaution, ycc, othersCase } };
}
