import { z } from 'zod';
import { ANSWERS } from '@/lib/framework/types';
import { ZVersion } from './ids';

const ZId = z.uuid({ error: 'Unknown case' });
const ZQuestionId = z.string({ error: 'Unknown question' }).regex(/^\d\.\d(\.\d+(\.[a-z])?|\.r\d{2})$/, 'Unknown question');

/** Limits shared by the marking page and the interchange import (lib/interchange/document.ts). */
export const ZNote = z.string({ error: 'Expected a note (text)' }).max(5000, 'The note must be 5,000 characters or fewer');
export const ZNaReason = z.string({ error: 'Expected a reason (text)' }).trim().max(300, 'The reason must be 300 characters or fewer');
export const ZPracticeExample = z.string({ error: 'Expected text' }).max(5000, 'The practice example must be 5,000 characters or fewer');

/**
 * The device's id for one change, made when the change is and sent with every try of it: a retry
 * of a save whose reply was lost is recognised as already applied (lib/marking/save-answer.ts).
 * Optional: a change kept on a device before ids were given has none.
 */
const ZChangeId = z.uuid({ error: 'The change id must be a UUID' }).optional();
/**
 * The ids of earlier changes of the same field this one replaces (the outbox sends only the last of
 * a field's waiting changes): if the answer holds one of them and nothing since, this change is
 * applied on top of it rather than met as a conflict with the sender's own work.
 */
const ZReplaces = z
  .array(z.uuid({ error: 'The change ids must be UUIDs' }))
  .max(100, 'At most 100 earlier changes')
  .optional();

/** Saving one answer: the judgement or prompt value, its not-applicable reason, or its note. */
export const ZSaveAnswer = z.discriminatedUnion('field', [
  z.object({
    field: z.literal('value'),
    caseId: ZId,
    questionId: ZQuestionId,
    value: z.enum(ANSWERS, { error: 'Choose Yes, No or Not applicable' }),
    /** Required when a key question is judged not applicable (checked against the framework). */
    naReason: ZNaReason.optional(),
    /** The version this change was made on; 0 when the page had no answer yet. */
    baseVersion: ZVersion(0),
    changeId: ZChangeId,
    replaces: ZReplaces,
  }),
  z.object({
    field: z.literal('note'),
    caseId: ZId,
    questionId: ZQuestionId,
    note: ZNote,
    baseVersion: ZVersion(0),
    changeId: ZChangeId,
    replaces: ZReplaces,
  }),
]);
export type TSaveAnswer = z.infer<typeof ZSaveAnswer>;

const ZYesNo = z.boolean().nullable();

/** Case-level items of the method, saved with the case's version. */
export const ZSaveCaseDetails = z.object({
  caseId: ZId,
  baseVersion: ZVersion(1),
  changeId: ZChangeId,
  replaces: ZReplaces,
  agreesWithRosh: ZYesNo.optional(),
  agreesWithSafety: ZYesNo.optional(),
  isCaseManagerInterviewed: ZYesNo.optional(),
  isPracticeExample: z.boolean().optional(),
  practiceExample: ZPracticeExample.nullable().optional(),
});

export const ZCaseRef = z.object({ caseId: ZId });
