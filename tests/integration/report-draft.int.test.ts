/**
 * The draft report from the database: generated sentences against a recount of the answers, a
 * stale sentence after an answer changes, quotes without names or references, and the .docx
 * opened and its tables parsed back (lib/export/report-docx.ts).
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { buildReportDocx } from '../../lib/export/report-docx';
import { readDocx } from '../../lib/export/test-support/read-docx';
import { getFramework } from '../../lib/framework';
import { at } from '../../lib/must';
import { buildReportDocument } from '../../lib/report/document';
import { generateSentence } from '../../lib/report/draft';
import { loadReportDraft } from '../../lib/report/load-draft';
import { saveReportSection } from '../../lib/report/sections';
import { createMigratedDatabase } from './test-database';
import { seedWorld } from './world';

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;
const actor = (u: { id: string; isAdmin: boolean }) => ({ id: u.id, isAdmin: u.isAdmin });
const QUOTE = 'The case manager visited the child at home every week and knew the family well.';

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('report_draft'));
  world = await seedWorld(prisma, { status: 'panel' });
  const answer = (caseId: string, questionId: string, value: 'yes' | 'no' | 'na', note?: string) =>
    prisma.answer.create({ data: { caseId, inspectionId: world.inspection.id, questionId, value, note, updatedById: world.inspector.id } });
  const { court, othersCase, youthCaution, ycc } = world.cases;
  await answer(court.id, '2.1.1', 'yes', QUOTE);
  await answer(court.id, '2.1.1.a', 'yes');
  await answer(othersCase.id, '2.1.1', 'no', 'Offending behaviour was not analysed.');
  await answer(othersCase.id, '2.1.1.a', 'no');
  await answer(court.id, '2.1.2', 'yes');
  await answer(othersCase.id, '2.1.2', 'yes');
  await answer(court.id, '2.1.3', 'na');
  await answer(othersCase.id, '2.1.3', 'yes');
  await prisma.case.update({
    where: { id: court.id },
    data: { isCaseManagerInterviewed: true, isPracticeExample: true, practiceExample: 'Strong family work.' },
  });
  await prisma.case.update({ where: { id: youthCaution.id }, data: { isCaseManagerInterviewed: true } });
  await prisma.case.update({ where: { id: ycc.id }, data: { isCaseManagerInterviewed: false } });
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe('the draft report from the database', () => {
  it('generates sentences whose counts equal a recount of the answers, and describes each sample', async () => {
    const draft = await loadReportDraft(prisma, actor(world.lead), world.inspection.id);
    const answers = await prisma.answer.findMany({ where: { inspectionId: world.inspection.id, questionId: '2.1.1' } });
    const yes = answers.filter((a) => a.value === 'yes').length;
    const relevant = answers.filter((a) => a.value !== 'na').length;
    const kq = generateSentence({ kind: 'key_question', questionId: '2.1.1' }, draft.figures);
    expect(kq?.figures).toEqual({ yes, relevant });
    expect(kq?.text).toMatch(/^In one of the two cases inspected, assessment sufficiently analysed/);
    expect(generateSentence({ kind: 'sample', caseType: 'court' }, draft.figures)?.text).toBe(
      'We took a detailed look at two community sentences managed by the service. We also conducted one interview with the relevant case managers.',
    );
    expect(generateSentence({ kind: 'sample', caseType: 'out_of_court' }, draft.figures)?.text).toContain(
      'These consisted of one youth conditional caution and one youth caution.',
    );
    // The evidence at hand carries the note, its answer and value: never the case reference or the inspector.
    expect(draft.evidence.find((n) => n.note === QUOTE)).toEqual({
      answerId: expect.any(String),
      questionId: '2.1.1',
      value: 'yes',
      note: QUOTE,
    });
    expect(JSON.stringify(draft.evidence)).not.toMatch(/C-1|C-2|O-1|O-2/);
    expect(JSON.stringify(draft.evidence)).not.toContain(world.inspector.name);
    expect(draft.practiceExamples).toEqual([{ caseType: 'court', text: 'Strong family work.' }]);
  });

  it('shows an inserted sentence stale, with the new one, once an answer changes', async () => {
    const before = await loadReportDraft(prisma, actor(world.lead), world.inspection.id);
    const inserted = generateSentence({ kind: 'key_question', questionId: '2.1.1' }, before.figures);
    if (!inserted) throw new Error('expected a sentence');
    await saveReportSection(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      sectionKey: 'standard:2.1',
      content: {
        paragraphs: [{ kind: 'generated', ...inserted }],
        strengths: ['Assessment of desistance.'],
        areas: ['Keeping others safe.'],
      },
      baseVersion: 0,
    });
    const current = buildReportDocument(await loadReportDraft(prisma, actor(world.lead), world.inspection.id));
    expect(current.domains[1]?.standards[0]?.paragraphs).toEqual([
      { kind: 'generated', text: inserted.text, isStale: false, current: null },
    ]);

    await prisma.answer.update({
      where: { caseId_questionId: { caseId: world.cases.othersCase.id, questionId: '2.1.1' } },
      data: { value: 'yes' },
    });
    const after = buildReportDocument(await loadReportDraft(prisma, actor(world.lead), world.inspection.id));
    expect(after.domains[1]?.standards[0]?.paragraphs[0]).toMatchObject({ kind: 'generated', text: inserted.text, isStale: true });
    expect(after.domains[1]?.standards[0]?.paragraphs[0]).toMatchObject({
      current: expect.stringMatching(/^In both cases inspected, assessment sufficiently analysed/),
    });
  });

  it('writes a .docx in the reports’ order whose tables parse back, with real headings, one font, repeating headers and a quote without name or reference', async () => {
    await saveReportSection(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      sectionKey: 'standard:2.2',
      content: {
        paragraphs: [
          { kind: 'text', text: 'Planning was mixed.' },
          { kind: 'quote', answerId: (await prisma.answer.findFirstOrThrow({ where: { note: QUOTE } })).id, text: QUOTE },
        ],
      },
      baseVersion: 0,
    });
    await saveReportSection(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      sectionKey: 'recommendations',
      content: {
        groups: [
          { addressee: 'The YOT management board should:', items: ['Improve planning.', 'Review oversight.'] },
          { addressee: 'The YOT manager should:', items: ['Train staff in risk of harm.'] },
        ],
      },
      baseVersion: 0,
    });
    const draft = await loadReportDraft(prisma, actor(world.lead), world.inspection.id);
    const report = buildReportDocument(draft);
    const bytes = await buildReportDocx(report, {
      framework: getFramework('2018'),
      result: draft.figures.result,
      serviceName: draft.serviceName,
      fieldwork: '16 November 2026 to 20 November 2026',
      sampleByType: { court: 2, out_of_court: 2 },
    });
    const doc = await readDocx(bytes);

    // Ratings table first, every standard with its rating, then the overall row.
    const [ratings] = doc.tables;
    expect(ratings?.[0]).toEqual(['Standard', 'Rating']);
    expect(ratings?.slice(1, -1).map((r) => r[0]?.split(' ')[0])).toEqual(
      getFramework('2018').domains.flatMap((d) => d.standards.map((s) => s.id)),
    );
    expect(ratings?.at(-1)?.[0]).toMatch(/^Overall rating/);

    // 2.1's key-question table: % yes as the panel computes it, the lowest in bold.
    const kqTable = doc.tables.find(
      (t) => t[0]?.[1] === '% yes' && t[1]?.[0]?.startsWith('Does assessment sufficiently analyse how to support'),
    );
    const r21 = draft.figures.result.standards['2.1'];
    expect(kqTable?.slice(1).map((r) => r[1])).toEqual(['2.1.1', '2.1.2', '2.1.3'].map((id) => `${r21?.keyQuestions[id]?.pct}%`));
    const kqIndex = doc.tables.indexOf(kqTable ?? []);
    const lowestRow = ['2.1.1', '2.1.2', '2.1.3'].indexOf(r21?.lowestKeyQuestion ?? '') + 1;
    expect(doc.bold[kqIndex]?.[lowestRow]).toEqual([true, true]);

    const text = doc.paragraphs.join('\n');
    const order = [
      'Ratings',
      'Executive summary',
      'Key findings',
      'Recommendations',
      '2. Court disposals',
      'Annexe 1: Methodology',
      'Annexe 2: Inspection results',
    ];
    const positions = order.map((h) => doc.paragraphs.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('1. Improve planning.\n2. Review oversight.\nThe YOT manager should:\n3. Train staff in risk of harm.');
    expect(text).toContain(`One inspector noted:\n“${QUOTE}”`);
    expect(text).toContain('Figures have changed since this sentence was inserted');

    // Annexe 2, corrected: prompt rows only where answered (2.1.1.a alone here), domain one's key
    // questions listed, and no professional-judgement note where none was applied.
    const annexe21 = doc.tables.find((t) => t[0]?.length === 3 && t[1]?.[0] === '2.1 Assessment');
    expect(annexe21?.slice(2).map((r) => at(r, 0).split(' ')[0])).toEqual(['2.1.1', 'a)', '2.1.2', '2.1.3']);
    const domainOne = doc.tables.find((t) => t[0]?.[0] === 'Standards and key questions');
    expect(domainOne?.slice(1).map((r) => at(r, 0).split(' ')[0])).toEqual(
      getFramework('2018').domains[0]?.standards.flatMap((st) => [st.id, ...st.keyQuestions.map((k) => k.id)]),
    );
    expect(doc.paragraphs).not.toContain('*Professional judgement applied.');

    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    for (const reference of ['C-1', 'C-2', 'O-1', 'O-2', world.inspector.name, world.otherInspector.name])
      expect(xml).not.toContain(reference);
    for (const style of ['Heading1', 'Heading2', 'Heading3']) expect(xml).toContain(`<w:pStyle w:val="${style}"/>`);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
    expect(xml).toContain('<w:keepNext/>');
    expect(new Set([...styles.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set(['Arial']));
    // The rating column is wide enough for "Requires improvement": 2,600 of 9,000 twips.
    expect(xml).toMatch(/<w:gridCol w:w="2600"\/>/);
  });
});
