/**
 * Demo data: one service per framework version, each with an inspection in fieldwork, its team
 * and a realistic sample with some cases part-marked. Demo-only accounts; idempotent (seeds
 * only a database with no users).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { AnswerValue, CaseType, Disposal, Level } from '@/lib/generated/prisma/enums';
import { hashPassword } from '@/lib/auth/password';
import { getFramework, listKeyQuestionsForCase, type FrameworkVersion } from '@/lib/framework';
import { frameworkToDb } from '@/lib/data/mappers';
import { importInspection } from '@/lib/interchange/import-inspection';
import { at } from '@/lib/must';

export const DEMO_PASSWORD = 'casemark-demo';

export const DEMO_USERS = [
  {
    email: 'admin@casemark.example',
    name: 'Ada Admin',
    isAdmin: true,
    sees: 'every inspection (site admin; lead of the five published reports)',
  },
  { email: 'lead@casemark.example', name: 'Lena Lead', isAdmin: false, sees: 'Northshire (lead inspector)' },
  { email: 'lead2018@casemark.example', name: 'Leo Lead', isAdmin: false, sees: 'Westvale (lead inspector)' },
  { email: 'inspector@casemark.example', name: 'Ines Inspector', isAdmin: false, sees: 'Northshire and Westvale (inspector)' },
  { email: 'inspector2@casemark.example', name: 'Ian Inspector', isAdmin: false, sees: 'Northshire (inspector)' },
  { email: 'inspector3@casemark.example', name: 'Isla Inspector', isAdmin: false, sees: 'Westvale (inspector)' },
  {
    email: 'manager@casemark.example',
    name: 'Maya Manager',
    isAdmin: false,
    sees: 'Northshire, Westvale and the five published reports (manager, read-only)',
  },
] as const;

/** A small deterministic PRNG so the demo looks the same on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface DemoCase {
  type: CaseType;
  disposal: Disposal;
}

function sample(version: FrameworkVersion): DemoCase[] {
  const court: Disposal[] = [
    'referral_order',
    'referral_order',
    'referral_order',
    'referral_order',
    'referral_order',
    'youth_rehabilitation_order',
    'youth_rehabilitation_order',
    'youth_rehabilitation_order',
    'youth_rehabilitation_order',
    'youth_rehabilitation_order',
    'custodial_sentence',
    'custodial_sentence',
    'other_court',
  ];
  const ooc: Disposal[] = [
    'youth_conditional_caution',
    'youth_conditional_caution',
    'youth_conditional_caution',
    'youth_caution',
    'youth_caution',
    'community_resolution',
    'community_resolution',
    'community_resolution',
    'community_resolution',
    'other_out_of_court',
  ];
  const cases: DemoCase[] = [
    ...court.map((disposal) => ({ type: 'court' as const, disposal })),
    ...ooc.map((disposal) => ({ type: 'out_of_court' as const, disposal })),
  ];
  if (version === '2021')
    cases.push({ type: 'resettlement', disposal: 'custodial_sentence' }, { type: 'resettlement', disposal: 'custodial_sentence' });
  return cases;
}

export async function seedDemo(prisma: PrismaClient): Promise<{ seeded: boolean }> {
  if ((await prisma.user.count()) > 0) return { seeded: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await prisma.$transaction(
    async (tx) => {
      const users = new Map<string, string>();
      for (const u of DEMO_USERS) {
        const created = await tx.user.create({
          data: { email: u.email, name: u.name, isAdmin: u.isAdmin, passwordHash },
          select: { id: true },
        });
        users.set(u.email, created.id);
      }
      const id = (email: string) => users.get(email)!;

      const plans = [
        {
          version: '2021' as const,
          service: { name: 'Northshire Youth Justice Service', localAuthority: 'Northshire County Council', region: 'Midlands' },
          start: '2026-11-16',
          end: '2026-11-27',
          prefix: 'NS',
          lead: 'lead@casemark.example',
          inspectors: ['inspector@casemark.example', 'inspector2@casemark.example'],
          seed: 2021,
          // The service's previous inspection, shown beside this one's figures on the panel.
          previousRatings: {
            '1.1': 'requires_improvement',
            '1.2': 'good',
            '1.3': 'good',
            '1.4': 'good',
            '2.1': 'requires_improvement',
            '2.2': 'requires_improvement',
            '2.3': 'good',
            '2.4': 'requires_improvement',
            '3.1': 'good',
            '3.2': 'good',
            '3.3': 'good',
            '3.4': 'requires_improvement',
            '4.1': 'good',
          },
          previousKeyQuestionPct: {
            '2.1.1': 77,
            '2.1.2': 54,
            '2.1.3': 46,
            '2.2.1': 85,
            '2.2.2': 62,
            '2.2.3': 54,
            '3.1.1': 82,
            '3.1.2': 71,
            '3.1.3': 65,
          },
        },
        {
          version: '2018' as const,
          service: { name: 'Westvale Youth Offending Team', localAuthority: 'Westvale Borough Council', region: 'North West' },
          start: '2026-11-09',
          end: '2026-11-20',
          prefix: 'WV',
          lead: 'lead2018@casemark.example',
          inspectors: ['inspector@casemark.example', 'inspector3@casemark.example'],
          seed: 2018,
          previousRatings: undefined,
          previousKeyQuestionPct: undefined,
        },
      ];

      for (const plan of plans) {
        const random = mulberry32(plan.seed);
        const service = await tx.service.create({ data: plan.service, select: { id: true } });
        const inspection = await tx.inspection.create({
          data: {
            serviceId: service.id,
            framework: frameworkToDb(plan.version),
            fieldworkStart: new Date(`${plan.start}T00:00:00Z`),
            fieldworkEnd: new Date(`${plan.end}T00:00:00Z`),
            status: 'fieldwork',
            previousRatings: plan.previousRatings,
            previousKeyQuestionPct: plan.previousKeyQuestionPct,
          },
          select: { id: true },
        });
        await tx.inspectionMember.createMany({
          data: [
            { inspectionId: inspection.id, userId: id(plan.lead), role: 'lead_inspector' },
            ...plan.inspectors.map((email) => ({ inspectionId: inspection.id, userId: id(email), role: 'inspector' as const })),
            { inspectionId: inspection.id, userId: id('manager@casemark.example'), role: 'manager' },
          ],
        });

        const framework = getFramework(plan.version);
        const levels: Level[] = ['low', 'medium', 'medium', 'high', 'very_high'];
        const genders = ['Male', 'Male', 'Male', 'Female'];
        const demoCases = sample(plan.version);
        for (const [index, demo] of demoCases.entries()) {
          const inspectorEmail = at(plan.inspectors, index % plan.inspectors.length);
          const inspectorId = id(inspectorEmail);
          // The first few cases of each inspector are complete, the next part-marked.
          const markingDepth = index < 6 ? 1 : index < 10 ? 0.5 : 0;
          const kase = await tx.case.create({
            data: {
              inspectionId: inspection.id,
              reference: `${plan.prefix}-${String(index + 1).padStart(3, '0')}`,
              type: demo.type,
              disposal: demo.disposal,
              sentenceDate: new Date(Date.UTC(2026, 3 + (index % 5), 1 + ((index * 7) % 27))),
              gender: genders[index % genders.length],
              rosh: levels[Math.floor(random() * levels.length)],
              safetyWellbeing: levels[Math.floor(random() * levels.length)],
              caseManager: `Case manager ${String.fromCharCode(65 + (index % 8))}`,
              inspectorId,
              status: markingDepth === 1 ? 'complete' : markingDepth > 0 ? 'in_progress' : 'not_started',
              agreesWithRosh: markingDepth === 1 ? random() > 0.2 : null,
              agreesWithSafety: markingDepth === 1 ? random() > 0.2 : null,
              isCaseManagerInterviewed: markingDepth === 1 ? true : null,
            },
            select: { id: true },
          });
          if (markingDepth === 0) continue;

          const pick = (pYes: number): AnswerValue => (random() < pYes ? 'yes' : 'no');
          const answers: { questionId: string; value: AnswerValue; naReason?: string }[] = [];
          if (demo.type === 'resettlement') {
            for (const aspect of framework.resettlementAspects) answers.push({ questionId: aspect.id, value: pick(0.7) });
          } else {
            const keyQuestions = listKeyQuestionsForCase(framework, demo);
            const limit = Math.ceil(keyQuestions.length * markingDepth);
            for (const kq of keyQuestions.slice(0, limit)) {
              // Keeping-others-safe questions leave the sub-sample where there is no relevant risk.
              const isOutOfSubSample = kq.id.endsWith('.3') && random() < 0.25;
              if (isOutOfSubSample) {
                answers.push({ questionId: kq.id, value: 'na', naReason: kq.naReasons[0] ?? 'Not relevant to this case' });
                for (const p of kq.prompts) answers.push({ questionId: p.id, value: 'na' });
                continue;
              }
              const pYes = kq.id.endsWith('.1') ? 0.8 : kq.id.endsWith('.2') ? 0.65 : 0.55;
              answers.push({ questionId: kq.id, value: pick(pYes) });
              for (const p of kq.prompts) answers.push({ questionId: p.id, value: pick(pYes + 0.05) });
            }
          }
          await tx.answer.createMany({
            data: answers.map((a) => ({
              caseId: kase.id,
              inspectionId: inspection.id,
              questionId: a.questionId,
              value: a.value,
              naReason: a.naReason ?? null,
              updatedById: inspectorId,
            })),
          });
        }
      }
    },
    { timeout: 60_000 },
  );
  await importPublishedReports(prisma);
  return { seeded: true };
}

/**
 * The five published reports, rebuilt case by case (docs/fixtures, docs/rating-method.md), as
 * published inspections: the managers' summary then compares real services from the first
 * start. Each is imported through the interchange import an admin would use (one transaction,
 * audited as imported); the manager is on each team, the admin leads.
 */
const PUBLISHED_REPORTS = [
  // 000_c1174f08f6b47fac.txt: "fieldwork was conducted between 17 May and 11 June 2021" (dates in the file).
  // Publication dates are the month on each report's cover ("HM Inspectorate of Probation, September 2021"), the 1st of it.
  { file: 'blackpool-2021.json', region: 'North West', publishedOn: '2021-09-01' },
  // 001_f9e6377b473ce7bd.txt: fieldwork "took place between 26 April and 29 April 2021".
  { file: 'wigan-2021.json', region: 'North West', fieldworkStart: '2021-04-26', fieldworkEnd: '2021-04-29', publishedOn: '2021-08-01' },
  // 002_b3ff77846e023e08.txt: "Fieldwork started: April 2019" — the month only, shown as the month (the fixture says so).
  { file: 'dudley-2019.json', region: 'West Midlands', publishedOn: '2019-06-01' },
  // 003_ce93bfaa3cc60c15.txt: "over a period of a week, beginning 07 November 2022".
  {
    file: 'st-helens-2023.json',
    region: 'North West',
    fieldworkStart: '2022-11-07',
    fieldworkEnd: '2022-11-11',
    publishedOn: '2023-02-01',
  },
  // 004_46eac8fc65744bcf.txt gives no dates: after the July 2021 standards, before its December 2021 publication (illustrative).
  {
    file: 'leicestershire-2021.json',
    region: 'East Midlands',
    fieldworkStart: '2021-09-20',
    fieldworkEnd: '2021-09-24',
    publishedOn: '2021-12-01',
  },
] as const;

async function importPublishedReports(prisma: PrismaClient): Promise<void> {
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: 'admin@casemark.example' }, select: { id: true, isAdmin: true } });
  for (const report of PUBLISHED_REPORTS) {
    const doc = JSON.parse(readFileSync(path.join(__dirname, '..', 'docs', 'fixtures', report.file), 'utf8')) as {
      inspection: Record<string, unknown>;
    };
    const dates = 'fieldworkStart' in report ? { fieldworkStart: report.fieldworkStart, fieldworkEnd: report.fieldworkEnd } : {};
    doc.inspection = {
      ...doc.inspection,
      ...dates,
      region: report.region,
      status: 'published',
      team: [{ email: 'manager@casemark.example', role: 'manager' }],
    };
    const result = await importInspection(prisma, admin, doc, { fileName: report.file });
    if (!result.ok) throw new Error(`The demo report ${report.file} could not be imported: ${result.errors.join('; ')}`);
    // The interchange file carries no publication date: the seed sets the report's own.
    await prisma.inspection.update({
      where: { id: result.inspectionId },
      data: { publishedOn: new Date(`${report.publishedOn}T00:00:00Z`) },
    });
  }
}
