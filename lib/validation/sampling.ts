import { z } from 'zod';
import { CASE_TYPES } from '@/lib/framework/types';
import { SEED_PATTERN } from '@/lib/sampling/prng';
import { calendarDate, ZFormBoolean } from './setup';

const ZInspectionId = z.uuid({ error: 'Unknown inspection' });
const ZPopulationType = z.enum(CASE_TYPES, { error: 'Choose a population' });
const ZPopulationCaseId = z.uuid({ error: 'Choose a case of the list' });

export const ZUploadPopulation = z.object({
  inspectionId: ZInspectionId,
  fileName: z.string().max(255),
  // The reader (lib/sampling/read-population-file.ts) refuses far sooner, naming the row; these say the limit in words too.
  records: z
    .array(
      z.object({
        line: z.number().int().min(1),
        fields: z
          .array(z.string().max(1000, 'A cell of the file has more than 1,000 characters; the most is 1,000'))
          .max(200, 'A row of the file has more than 200 columns; the most is 200'),
      }),
    )
    .max(10_000, 'The file has more than 10,000 rows; the most is 10,000'),
});

export const ZSetWindow = z.object({
  inspectionId: ZInspectionId,
  type: ZPopulationType,
  from: calendarDate('Start of the window', { isRequired: true }),
  to: calendarDate('End of the window', { isRequired: true }),
});

/** A size typed by the lead, with the reason; both blank goes back to the rule. */
export const ZSetSize = z
  .object({
    inspectionId: ZInspectionId,
    type: ZPopulationType,
    size: z
      .string()
      .trim()
      .regex(/^\d*$/, { error: 'Sample size must be a whole number, like 12' })
      .transform((v) => (v === '' ? null : Number(v))),
    reason: z.string().trim().max(500, { error: 'Reason must be 500 characters or fewer' }),
  })
  .superRefine((value, ctx) => {
    if (value.size !== null && value.reason === '')
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Enter why the sample size differs from the rule' });
    if (value.size === 0)
      ctx.addIssue({ code: 'custom', path: ['size'], message: 'Sample size must be 1 or more, or leave it blank to use the rule' });
  });

export const ZSetSixtyForty = z.object({ inspectionId: ZInspectionId, isSixtyForty: ZFormBoolean });

export const ZDrawSample = z.object({
  inspectionId: ZInspectionId,
  seed: z
    .string()
    .trim()
    .refine((v) => v === '' || SEED_PATTERN.test(v), {
      error: 'Seed must be up to 40 letters, digits, hyphens or underscores, or blank for a new one',
    })
    .optional()
    .transform((v) => v || null),
});

export const ZReplaceSampledCase = z.object({
  inspectionId: ZInspectionId,
  caseId: ZPopulationCaseId,
  replacementId: z.uuid({ error: 'Choose the reserve that replaces it' }),
  reason: z
    .string()
    .trim()
    .min(1, { error: 'Enter why this case cannot be inspected' })
    .max(500, { error: 'Reason must be 500 characters or fewer' }),
});

export const ZConfirmSample = z.object({ inspectionId: ZInspectionId });
