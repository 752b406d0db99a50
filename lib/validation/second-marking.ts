import { z } from 'zod';
import { MAX_INT4 } from './ids';

/** A key question id as the framework writes it (2.1.1, 3.4.2). */
const ZKeyQuestionId = z.string().regex(/^[0-9A-Za-z.]{1,20}$/, 'Unknown key question');

const OUT_OF_DATE = 'The page is out of date: reload it and try again';
const ZFormVersion = (min: 0 | 1) =>
  z.coerce.number({ error: OUT_OF_DATE }).int(OUT_OF_DATE).min(min, OUT_OF_DATE).max(MAX_INT4, OUT_OF_DATE);

const ZText = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} must be ${max.toLocaleString('en-GB')} characters or fewer`);

export const ZAssignSecondMarking = z.object({
  caseId: z.uuid({ error: 'Choose a case' }),
  markerId: z.uuid({ error: 'Choose the second inspector' }),
});

/** The lead inspector withdraws a pick not yet submitted (to pick again, or another inspector). */
export const ZWithdrawSecondMarking = z.object({
  secondMarkingId: z.uuid({ error: 'Unknown second marking' }),
});

/**
 * The second inspector's form: a judgement, a not-applicable reason and an evidence note per key
 * question (`value[2.1.1]`…), saved as a whole on the version the page had. `intent` submit
 * also ends the blind marking.
 */
export const ZSaveSecondMarking = z.object({
  secondMarkingId: z.uuid({ error: 'Unknown second marking' }),
  version: ZFormVersion(1),
  intent: z.enum(['save', 'submit'], { error: 'Choose save or submit' }),
  value: z.record(ZKeyQuestionId, z.enum(['yes', 'no', 'na', ''], { error: 'Choose Yes, No or Not applicable' })).default({}),
  naReason: z.record(ZKeyQuestionId, ZText('the reason', 500)).default({}),
  note: z.record(ZKeyQuestionId, ZText('the evidence note', 5000)).default({}),
});

/** The lead inspector's agreed answer on one disagreement, made on the first marking's answer version the page showed. */
export const ZReconcile = z.object({
  secondMarkingId: z.uuid({ error: 'Unknown second marking' }),
  questionId: ZKeyQuestionId,
  answerVersion: ZFormVersion(0),
  value: z.enum(['yes', 'no', 'na'], { error: 'Choose the agreed answer' }),
  naReason: ZText('the reason', 500).trim().optional().default(''),
  reason: ZText('why this is the agreed answer', 2000).trim().min(1, 'Enter why this is the agreed answer'),
});
