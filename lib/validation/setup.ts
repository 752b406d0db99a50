import { z } from 'zod';
import { CASE_TYPES, DISPOSALS, FRAMEWORK_VERSIONS, LEVELS } from '@/lib/framework/types';
import { checkCaseReference, explainDisposalMismatch, isoDateOf } from '@/lib/setup/case-fields';
import { ZEmail } from './user';
import { MAX_INT4 } from './ids';

const TEAM_ROLES = ['lead_inspector', 'inspector', 'manager', 'quality_assurer'] as const;
const INSPECTION_STATUSES = ['set_up', 'fieldwork', 'panel', 'published'] as const;

const ZInspectionId = z.uuid({ error: 'Unknown inspection' });
const ZUserId = z.uuid({ error: 'Unknown user' });
const ZCaseId = z.uuid({ error: 'Unknown case' });

/** A form's blank text is "not recorded". */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => (v ? v : null));

/** A select whose blank option means "not recorded". */
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .union([z.enum(values), z.literal(''), z.null()], { error: message })
    .optional()
    .transform((v) => (v ? v : null));

const ZDateParts = z.object({ day: z.string().optional(), month: z.string().optional(), year: z.string().optional() }).partial().nullish();

/**
 * A GOV.UK date input (day, month, year) as `YYYY-MM-DD`, with the design system's messages.
 * Null when every part is blank and the date is optional.
 */
export function calendarDate(label: string, options: { isRequired: boolean }) {
  return ZDateParts.transform((parts, ctx): string | null => {
    const day = (parts?.day ?? '').trim();
    const month = (parts?.month ?? '').trim();
    const year = (parts?.year ?? '').trim();
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (!day && !month && !year) return options.isRequired ? fail(`Enter the ${label.toLowerCase()}`) : null;
    const missing = [!day && 'a day', !month && 'a month', !year && 'a year'].filter(Boolean);
    if (missing.length) return fail(`${label} must include ${missing.join(' and ')}`);
    if (![day, month, year].every((p) => /^\d+$/.test(p))) return fail(`${label} must be a real date`);
    if (year.length !== 4) return fail('Year must include 4 numbers');
    const iso = isoDateOf(Number(year), Number(month), Number(day));
    return iso ?? fail(`${label} must be a real date`);
  });
}

const refineFieldworkDates = (value: { fieldworkStart: string | null; fieldworkEnd: string | null }, ctx: z.RefinementCtx) => {
  if (value.fieldworkStart && value.fieldworkEnd && value.fieldworkEnd < value.fieldworkStart) {
    ctx.addIssue({ code: 'custom', path: ['fieldworkEnd'], message: 'Fieldwork end date must be the same as or after the start date' });
  }
};

/** `'true'`/`'false'` from a form, or a boolean. */
export const ZFormBoolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], { error: 'Choose yes or no' });

/** A service (a youth offending team / youth justice service). */
export const ZServiceFields = z.object({
  name: z
    .string({ error: 'Enter the service’s name' })
    .trim()
    .min(1, 'Enter the service’s name')
    .max(120, 'Name must be 120 characters or fewer'),
  localAuthority: z
    .string({ error: 'Enter the local authority' })
    .trim()
    .min(1, 'Enter the local authority')
    .max(120, 'Local authority must be 120 characters or fewer'),
  region: z.string({ error: 'Enter the region' }).trim().min(1, 'Enter the region').max(60, 'Region must be 60 characters or fewer'),
});

export const ZUpdateService = ZServiceFields.extend({ serviceId: z.uuid({ error: 'Unknown service' }) });

/** Previous inspection's results as typed: checked against the framework by lib/setup/previous-results.ts. */
const previousResultsShape = {
  previousRatings: z.record(z.string(), z.string()).default({}),
  previousKeyQuestionPct: z.string().max(5000, 'Previous key-question percentages must be 5,000 characters or fewer').default(''),
  /** An earlier inspection of the same service in Casemark (blank: none, or one before Casemark, typed). */
  previousInspectionId: z
    .union([z.uuid({ error: 'Choose a previous inspection from the list' }), z.literal(''), z.null()], {
      error: 'Choose a previous inspection from the list',
    })
    .optional()
    .transform((v) => (v ? v : null)),
};

/** Creating an inspection (admins): its service (existing, or new here), standards, fieldwork, lead. */
export const ZCreateInspection = z
  .object({
    serviceId: z.string({ error: 'Choose a service' }).trim().min(1, 'Choose a service'),
    newServiceName: z.string().optional(),
    newServiceLocalAuthority: z.string().optional(),
    newServiceRegion: z.string().optional(),
    framework: z.enum(FRAMEWORK_VERSIONS, { error: 'Choose the standards this inspection uses' }),
    fieldworkStart: calendarDate('Fieldwork start date', { isRequired: true }),
    fieldworkEnd: calendarDate('Fieldwork end date', { isRequired: true }),
    leadEmail: z
      .string({ error: 'Enter the lead inspector’s email address' })
      .trim()
      .min(1, 'Enter the lead inspector’s email address')
      .pipe(ZEmail),
    ...previousResultsShape,
  })
  .superRefine(refineFieldworkDates)
  .superRefine(
    (value, ctx) => {
      // Runs even when other fields have errors, so every problem of the form is shown at once.
      const raw = value as unknown as Record<string, unknown>;
      const text = (key: string) => (typeof raw[key] === 'string' ? raw[key] : '');
      if (raw.serviceId === 'new') {
        const service = ZServiceFields.safeParse({
          name: text('newServiceName'),
          localAuthority: text('newServiceLocalAuthority'),
          region: text('newServiceRegion'),
        });
        const fields = { name: 'newServiceName', localAuthority: 'newServiceLocalAuthority', region: 'newServiceRegion' } as const;
        for (const issue of service.error?.issues ?? []) {
          ctx.addIssue({ code: 'custom', path: [fields[issue.path[0] as keyof typeof fields]], message: issue.message });
        }
      } else if (text('serviceId') !== '' && !z.uuid().safeParse(text('serviceId').trim()).success) {
        ctx.addIssue({ code: 'custom', path: ['serviceId'], message: 'Choose a service' });
      }
    },
    { when: () => true },
  );

export const ZUpdateInspectionDetails = z
  .object({
    inspectionId: ZInspectionId,
    fieldworkStart: calendarDate('Fieldwork start date', { isRequired: true }),
    fieldworkEnd: calendarDate('Fieldwork end date', { isRequired: true }),
    /** The day the report was published (blank: not yet); the summary filters by it and retention counts from it. */
    publishedOn: calendarDate('Publication date', { isRequired: false }),
    /**
     * The report gives only the month of fieldwork (Dudley 2019, 002_b3ff77846e023e08.txt:
     * "Fieldwork started: April 2019"): pages and files print the month, never the days. An
     * unticked checkbox sends nothing, so absent is false.
     */
    fieldworkMonthOnly: ZFormBoolean.optional().transform((v) => v ?? false),
    /** The report lists with a comma before 'and' (Blackpool 2021, St Helens 2023: "four community resolutions, and three other disposals"). */
    reportSerialComma: ZFormBoolean.optional().transform((v) => v ?? false),
    ...previousResultsShape,
  })
  .superRefine(refineFieldworkDates)
  .superRefine((value, ctx) => {
    if (value.publishedOn && value.fieldworkEnd && value.publishedOn < value.fieldworkEnd) {
      ctx.addIssue({
        code: 'custom',
        path: ['publishedOn'],
        message: 'Publication date must be the same as or after the fieldwork end date',
      });
    }
  });

export const ZSetInspectionStatus = z.object({
  inspectionId: ZInspectionId,
  status: z.enum(INSPECTION_STATUSES, { error: 'Choose a status' }),
});

const ZRole = z.enum(TEAM_ROLES, { error: 'Choose a role' });

export const ZAddMember = z.object({
  inspectionId: ZInspectionId,
  email: ZEmail,
  role: ZRole,
});
export const ZChangeMemberRole = z.object({ inspectionId: ZInspectionId, userId: ZUserId, role: ZRole });
export const ZRemoveMember = z.object({ inspectionId: ZInspectionId, userId: ZUserId });

/** A case reference: 1–40 characters, never a child's name. */
const ZCaseReference = z
  .string({ error: 'Enter a case reference' })
  .trim()
  .superRefine((reference, ctx) => {
    const problem = checkCaseReference(reference);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Limits shared by the case form, the CSV import and the interchange import. */
export const ZGender = optionalText(30, 'Gender');
export const ZCaseManager = optionalText(100, 'Case manager');

const caseShape = {
  reference: ZCaseReference,
  type: z.enum(CASE_TYPES, { error: 'Choose the case type' }),
  disposal: z.enum(DISPOSALS, { error: 'Choose the disposal' }),
  sentenceDate: calendarDate('Sentence date', { isRequired: false }),
  gender: ZGender,
  rosh: optionalEnum(LEVELS, 'Choose a RoSH level'),
  safetyWellbeing: optionalEnum(LEVELS, 'Choose a safety and wellbeing level'),
  caseManager: ZCaseManager,
  inspectorId: z
    .union([z.uuid({ error: 'Choose an inspector on the team' }), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null)),
};

const refineDisposal = (value: { type: (typeof CASE_TYPES)[number]; disposal: (typeof DISPOSALS)[number] }, ctx: z.RefinementCtx) => {
  const mismatch = explainDisposalMismatch(value.disposal, value.type);
  if (mismatch) ctx.addIssue({ code: 'custom', path: ['disposal'], message: mismatch });
};

export const ZAddCase = z.object({ inspectionId: ZInspectionId, ...caseShape }).superRefine(refineDisposal);
export type TAddCase = z.infer<typeof ZAddCase>;

/**
 * The case's editable fields as the set-up form was opened with them (posted back as JSON, like the
 * form posts them), so that a change someone else made meanwhile can be told from one the form
 * makes (lib/setup/cases.ts). Anything that does not read as such is treated as unknown.
 */
const ZCaseFieldsAsOpened = z
  .string()
  .max(4000)
  .optional()
  .transform((text) => {
    if (!text) return null;
    try {
      const parsed = z.object(caseShape).safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  });

export const ZEditCase = z
  .object({
    inspectionId: ZInspectionId,
    caseId: ZCaseId,
    baseValues: ZCaseFieldsAsOpened,
    /** The case's version when the form was opened (optimistic concurrency). */
    baseVersion: z.coerce
      .number({ error: 'The page is out of date: reload it and try again' })
      .int('The page is out of date: reload it and try again')
      .min(1, 'The page is out of date: reload it and try again')
      .max(MAX_INT4, 'The page is out of date: reload it and try again'),
    ...caseShape,
  })
  .superRefine(refineDisposal);

export const ZDeleteCase = z.object({ inspectionId: ZInspectionId, caseId: ZCaseId });

/** Allocating one case; a blank inspector takes the case off whoever has it. */
export const ZAllocateCase = z.object({
  inspectionId: ZInspectionId,
  caseId: ZCaseId,
  inspectorId: z.union([z.uuid({ error: 'Choose an inspector on the team' }), z.literal('')]).transform((v) => (v ? v : null)),
});

/** Allocating the selected cases to one inspector, or (`none`) to nobody. */
export const ZAllocateCases = z.object({
  inspectionId: ZInspectionId,
  caseIds: z.array(ZCaseId, { error: 'Select at least one case' }).min(1, 'Select at least one case'),
  inspectorId: z
    .union([z.uuid({ error: 'Choose who to allocate the selected cases to' }), z.literal('none')], {
      error: 'Choose who to allocate the selected cases to',
    })
    .transform((v) => (v === 'none' ? null : v)),
});

export const ZSpreadCases = z.object({ inspectionId: ZInspectionId });

/** The case sample as CSV text (previewed, then imported). */
export const ZImportCases = z.object({
  inspectionId: ZInspectionId,
  csv: z.string({ error: 'Choose a CSV file' }).max(1_000_000, 'The file must be smaller than 1 MB'),
});
