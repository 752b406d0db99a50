import { z } from 'zod';
import { RATINGS } from '@/lib/framework/types';
import { ZVersion } from './ids';

const ZInspectionId = z.uuid({ error: 'Unknown inspection' });
const ZStandardId = z.string().regex(/^\d\.\d$/, 'Unknown standard');
const ZRating = z.enum(RATINGS, { error: 'Choose a rating' });

/** Limits shared by the ratings panel and the interchange import (lib/interchange/document.ts). */
export const ZEvidenceNote = z.string({ error: 'Expected evidence (text)' }).max(10000, 'Evidence must be 10,000 characters or fewer');
export const ZRationale = z
  .string({ error: 'Give the panel’s rationale' })
  .trim()
  .min(10, 'Give the panel’s rationale (at least 10 characters)')
  .max(5000, 'The rationale must be 5,000 characters or fewer');

/** The lead inspector's judgement of a qualitative standard, with evidence per question. */
export const ZRecordJudgement = z.object({
  inspectionId: ZInspectionId,
  standardId: ZStandardId,
  rating: ZRating.nullable(),
  evidence: z.record(z.string().regex(/^\d\.\d\.\d+$/, 'Unknown question'), ZEvidenceNote).default({}),
  /** 0 when the page had no judgement yet. */
  baseVersion: ZVersion(0),
});

/** A ratings-panel decision (professional judgement) on a case-marked standard. */
export const ZRecordPanelDecision = z.object({
  inspectionId: ZInspectionId,
  standardId: ZStandardId,
  rating: ZRating,
  rationale: ZRationale,
});

export const ZWithdrawPanelDecision = z.object({ inspectionId: ZInspectionId, decisionId: z.uuid({ error: 'Unknown decision' }) });

export const ZSetPanelVisibility = z.object({ inspectionId: ZInspectionId, isPanelVisibleToTeam: z.boolean() });
