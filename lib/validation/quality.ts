import { z } from 'zod';

/** Case-level items a reviewer may query, beside the framework's questions. */
export const CASE_LEVEL_ITEMS = ['agreesWithRosh', 'agreesWithSafety', 'isCaseManagerInterviewed', 'practiceExample'] as const;
export type CaseLevelItem = (typeof CASE_LEVEL_ITEMS)[number];

const ZQueryText = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(2000, `${label.charAt(0).toUpperCase()}${label.slice(1)} must be 2,000 characters or fewer`);

export const ZRaiseQuery = z.object({
  caseId: z.uuid({ error: 'Unknown case' }),
  questionId: z
    .string({ error: 'Choose the answer to query' })
    .regex(/^([0-9A-Za-z.]{1,20}|case:[A-Za-z]{1,40})$/, 'Choose the answer to query'),
  body: ZQueryText('your query'),
});

export const ZReplyToQuery = z.object({ queryId: z.uuid({ error: 'Unknown query' }), body: ZQueryText('your reply') });
export const ZReopenQuery = z.object({ queryId: z.uuid({ error: 'Unknown query' }), body: ZQueryText('why you are re-opening the query') });
export const ZResolveQuery = z.object({
  queryId: z.uuid({ error: 'Unknown query' }),
  body: z.string().trim().max(2000, 'Your note must be 2,000 characters or fewer').optional().default(''),
});
export const ZMarkReviewed = z.object({ caseId: z.uuid({ error: 'Unknown case' }) });
export const ZQualityTarget = z.object({
  inspectionId: z.uuid({ error: 'Unknown inspection' }),
  targetPct: z.coerce
    .number({ error: 'Enter the target as a whole number from 1 to 100' })
    .int('Enter the target as a whole number from 1 to 100')
    .min(1, 'Enter the target as a whole number from 1 to 100')
    .max(100, 'Enter the target as a whole number from 1 to 100'),
});
