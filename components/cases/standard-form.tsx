'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ConflictPanel } from '@/components/ui/conflict-panel';
import { Radios } from '@/components/ui/radios';
import { ANSWER_LABELS } from '@/lib/format/labels';
import type { AnswerValue } from '@/lib/framework/types';
import { postAnswer } from '@/lib/marking/save-client';
import { AutosaveStatusText, useAutosave, type AttemptOutcome } from './autosave';
import { LiveFigures } from './live-figures';
import { useOutbox } from './use-outbox';
import { planReplay } from '@/lib/offline/replay-plan';
import { differingFields, keepMineChanges, type AnswerField, type AnswerFields } from '@/lib/offline/answer-conflict';
import { useConflicts } from './use-conflicts';
import { isOutboxAvailable } from '@/lib/offline/outbox';
import { idsToSend, newChangeId } from '@/lib/offline/change-id';
import { questionAnchor, type AnswerState, type Counts, type QuestionView } from '@/lib/marking/view-types';

/**
 * A prompt has its own sub-sample (docs/rating-method.md, "Prompts"): under a key question judged
 * not applicable, the prompts answered yes or no still count in their own figures.
 */
function promptsStillCounted(answeredYesOrNo: number): string {
  if (answeredYesOrNo === 0) return '';
  const which = answeredYesOrNo === 1 ? 'One of its prompts is' : `${answeredYesOrNo} of its prompts are`;
  return ` ${which} answered yes or no and still counted in the prompt figures: answer a prompt “Not applicable” where it does not apply to this case.`;
}

const VALUE_OPTIONS = (['yes', 'no', 'na'] as const).map((v) => ({ value: v, label: ANSWER_LABELS[v] }));
const OTHER_REASON = '__other__';
const NOTE_DEBOUNCE_MS = 800;

type Change = { field: 'value'; value: AnswerValue; naReason?: string } | { field: 'note'; note: string };
/** A change with the outbox entries it settles once the server has it. */
type HeldChange = Change & { seqs?: number[] };
/**
 * A change already in the outbox (left by an earlier visit): its entries, when the latest was
 * made, its id and the ids of the earlier entries it replaces (lib/offline/replay-plan.ts).
 */
type Held = { seqs: number[]; madeAt: number; changeId?: string; replaces: string[] };

/**
 * Someone else's newer answer met by a save. The unit is the whole answer (issue 20): mine is the
 * answer as the page shows it (value, reason, note), set beside theirs field by field.
 */
interface Conflict {
  theirs: AnswerState;
  /** The outbox entries of my changes held since: settled by "Keep mine", dropped by "Take theirs". */
  heldSeqs: number[];
  /** Whether my change waited for the connection (their change came while I was offline). */
  wasOffline: boolean;
}

const EMPTY_ANSWER: AnswerState = { value: null, naReason: null, note: null, version: 0 };
const fieldsOf = (a: AnswerState | undefined): AnswerFields => ({
  value: a?.value ?? null,
  naReason: a?.naReason ?? null,
  note: a?.note ?? null,
});
const FIELD_LABELS: Record<AnswerField, string> = { value: 'Answer', naReason: 'Not applicable reason', note: 'Note' };

export function StandardForm({
  userId,
  inspectionId,
  caseId,
  questions,
  initialAnswers,
  initialCounts,
  isEditable,
  readOnlyReason,
}: {
  /** The signed-in user: the on-device outbox is theirs alone. */
  userId: string;
  inspectionId: string;
  caseId: string;
  questions: QuestionView[];
  initialAnswers: Record<string, AnswerState>;
  /** Inspection-wide counts; null when the user may not see the ratings panel. */
  initialCounts: Record<string, Counts> | null;
  isEditable: boolean;
  readOnlyReason?: string;
}) {
  const { status, enqueue, markDirty, clearDirty } = useAutosave({ isKeptOnDevice: isOutboxAvailable });
  const questionIds = useMemo(() => questions.flatMap((q) => [q.id, ...q.prompts.map((p) => p.id)]), [questions]);
  const outbox = useOutbox({ userId, inspectionId, caseId, keys: questionIds });
  const [answers, setAnswers] = useState(initialAnswers);
  const [counts, setCounts] = useState<Record<string, Counts> | null>(initialCounts);
  const conflicts = useConflicts<Conflict>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  // "Another reason" chosen for a not-applicable key question, with the text being typed.
  const [otherReasons, setOtherReasons] = useState<Record<string, string>>({});
  // The version each question's next save is based on: updated synchronously after each save.
  const versions = useRef<Record<string, number>>(Object.fromEntries(Object.entries(initialAnswers).map(([id, a]) => [id, a.version])));
  // What the page shows, for saves in flight to compare with someone else's answer.
  const shown = useRef(answers);
  useEffect(() => {
    shown.current = answers;
  }, [answers]);
  // Questions whose changes have waited for the connection (kept on the device, or replayed from it).
  const offlineKeys = useRef(new Set<string>());
  const noteTimers = useRef<Record<string, ReturnType<typeof setTimeout>>>({});
  const latestNotes = useRef<Record<string, string>>({});

  const save = useCallback(
    // Value and note saves of one question share a queue: each is made on the version the last returned.
    // Each change goes into the on-device outbox first (unless it is already there: `seqs`), and
    // leaves it only when the server has confirmed it (issue 11).
    (questionId: string, change: Change, dirtyKey?: string, held?: Held) => {
      const { seqs: _held, ...plain } = change as HeldChange;
      const madeAt = held?.madeAt ?? Date.now();
      // One id for every try of this change: a retry whose first reply was lost is known as saved
      // (lib/marking/save-answer.ts), not met as a conflict with the inspector's own work.
      const changeId = held ? held.changeId : newChangeId();
      const ids = idsToSend(changeId, held?.replaces);
      const recorded = held ? Promise.resolve(held.seqs) : outbox.record(questionId, plain, versions.current[questionId] ?? 0, changeId);
      return enqueue(
        questionId,
        async (): Promise<AttemptOutcome> => {
          const mySeqs = await recorded;
          // A question in conflict holds later changes (the box shows them as mine), never sends them on a stale version.
          if (conflicts.isOpen(questionId)) {
            conflicts.update(questionId, (c) => ({ ...c, heldSeqs: [...c.heldSeqs, ...mySeqs] }));
            return { kind: 'failed', message: `resolve the conflict on ${questionId} first` };
          }
          const baseVersion = versions.current[questionId] ?? 0;
          const response = await postAnswer(
            inspectionId,
            userId,
            change.field === 'value'
              ? { field: 'value', caseId, questionId, value: change.value, naReason: change.naReason, baseVersion, ...ids }
              : { field: 'note', caseId, questionId, note: change.note, baseVersion, ...ids },
            // Left by an earlier visit, or waiting here for the connection: the audit trail says offline replay.
            { isReplay: held !== undefined || offlineKeys.current.has(questionId), madeAt },
          ).catch((error: unknown) => {
            offlineKeys.current.add(questionId);
            throw error;
          });
          if (!response.ok) {
            if (response.code === 'error') return { kind: 'retry', message: 'Not saved — retrying' };
            // Input the server will never take is not kept; anything else (signed out, the case
            // completed meanwhile) stays on the device until it can be sent or is dropped.
            if (response.code === 'invalid') await outbox.confirm(questionId, mySeqs, versions.current[questionId] ?? 0);
            setErrors((e) => ({ ...e, [questionId]: response.message }));
            return { kind: 'failed', message: response.message };
          }
          const result = response.data;
          if (result.status === 'conflict') {
            // The server already holds the whole answer the page shows (my reply was lost, or we agree): not a conflict.
            if (differingFields(fieldsOf(shown.current[questionId]), result.theirs).length === 0) {
              versions.current[questionId] = result.theirs.version;
              await outbox.confirm(questionId, mySeqs, result.theirs.version);
              return { kind: 'done' };
            }
            conflicts.open(questionId, {
              theirs: { ...result.theirs },
              heldSeqs: mySeqs,
              wasOffline: offlineKeys.current.has(questionId),
            });
            return { kind: 'failed', message: `someone else changed ${questionId} (see below)` };
          }
          versions.current[questionId] = result.answer.version;
          offlineKeys.current.delete(questionId);
          await outbox.confirm(questionId, mySeqs, result.answer.version);
          setErrors((e) => {
            const { [questionId]: _, ...rest } = e;
            return rest;
          });
          // Take only the version and the field this save carried: the other field on screen may
          // hold newer work (a note being typed, a not-applicable awaiting its reason).
          setAnswers((a) => {
            const current = a[questionId] ?? { value: null, naReason: null, note: null, version: 0 };
            return { ...a, [questionId]: { ...current, version: result.answer.version } };
          });
          // Null when the lead does not (or no longer) let the team see the panel.
          setCounts((c) => (result.counts === null ? null : { ...(c ?? {}), ...result.counts }));
          return { kind: 'done' };
        },
        dirtyKey,
      );
    },
    [userId, inspectionId, caseId, enqueue, outbox, conflicts],
  );

  // Changes left on this device by an earlier visit (a closed tab, a reload, no connection): shown
  // on the form and sent in order, each key from the version its first change was made on, so a
  // change made on an answer someone else changed meanwhile becomes the usual conflict.
  const hasReplayed = useRef(false);
  useEffect(() => {
    if (hasReplayed.current) return;
    hasReplayed.current = true;
    void outbox.pending().then((entries) => {
      for (const plan of planReplay(entries)) {
        versions.current[plan.key] = plan.baseVersion;
        offlineKeys.current.add(plan.key);
        for (const send of plan.sends) {
          const change = send.change;
          if (change.field === 'details') continue;
          setAnswers((a) => {
            const current = a[plan.key] ?? { value: null, naReason: null, note: null, version: 0 };
            const patch = change.field === 'value' ? { value: change.value, naReason: change.naReason ?? null } : { note: change.note };
            return { ...a, [plan.key]: { ...current, ...patch } };
          });
          void save(plan.key, change, undefined, send);
        }
      }
    });
  }, [outbox, save]);

  function setLocal(questionId: string, patch: Partial<AnswerState>) {
    setAnswers((a) => ({
      ...a,
      [questionId]: { ...(a[questionId] ?? { value: null, naReason: null, note: null, version: 0 }), ...patch },
    }));
  }

  function chooseValue(question: QuestionView, value: AnswerValue) {
    setLocal(question.id, { value, naReason: value === 'na' ? (answers[question.id]?.naReason ?? null) : null });
    // A key question judged not applicable needs a reason before it can be saved.
    if (question.kind === 'key_question' && value === 'na') {
      const reason = answers[question.id]?.naReason;
      if (reason) void save(question.id, { field: 'value', value, naReason: reason }, `${question.id}:value`);
      else markDirty(`${question.id}:value`, `Not saved yet — choose why ${question.id} is not applicable`);
      return;
    }
    void save(question.id, { field: 'value', value }, `${question.id}:value`);
  }

  function chooseReason(question: QuestionView, reason: string) {
    setLocal(question.id, { value: 'na', naReason: reason });
    if (reason.trim()) void save(question.id, { field: 'value', value: 'na', naReason: reason.trim() }, `${question.id}:value`);
  }

  function flushNote(questionId: string) {
    clearTimeout(noteTimers.current[questionId]);
    delete noteTimers.current[questionId];
    const note = latestNotes.current[questionId];
    if (note === undefined) return;
    delete latestNotes.current[questionId];
    void save(questionId, { field: 'note', note }, `${questionId}:note`);
  }

  function typeNote(questionId: string, note: string) {
    setLocal(questionId, { note });
    latestNotes.current[questionId] = note;
    markDirty(`${questionId}:note`);
    clearTimeout(noteTimers.current[questionId]);
    noteTimers.current[questionId] = setTimeout(() => flushNote(questionId), NOTE_DEBOUNCE_MS);
  }

  function focusQuestion(questionId: string) {
    // The conflict box (and the button in it) goes away: keep the keyboard in the question.
    requestAnimationFrame(() => document.getElementById(`${questionAnchor(questionId)}-value`)?.focus());
  }

  /** "Keep mine": sends exactly the answer the box showed as mine, on the version it showed as theirs. */
  function keepMine(questionId: string) {
    const conflict = conflicts.close(questionId);
    if (!conflict) return;
    const mine = fieldsOf(shown.current[questionId]);
    versions.current[questionId] = conflict.theirs.version;
    setAnswers((a) => ({ ...a, [questionId]: { ...(a[questionId] ?? EMPTY_ANSWER), version: conflict.theirs.version } }));
    clearDirty(questionId);
    for (const change of keepMineChanges(mine, conflict.theirs)) void save(questionId, change);
    // The held entries are replaced by the changes just recorded.
    void outbox.confirm(questionId, conflict.heldSeqs, conflict.theirs.version);
    focusQuestion(questionId);
  }

  /** "Take theirs": the page shows their answer, and my waiting changes to it are dropped. */
  function takeTheirs(questionId: string) {
    const conflict = conflicts.close(questionId);
    if (!conflict) return;
    versions.current[questionId] = conflict.theirs.version;
    clearTimeout(noteTimers.current[questionId]);
    delete noteTimers.current[questionId];
    delete latestNotes.current[questionId];
    setAnswers((a) => ({ ...a, [questionId]: { ...conflict.theirs } }));
    setOtherReasons(({ [questionId]: _, ...rest }) => rest);
    clearDirty(questionId);
    clearDirty(`${questionId}:value`);
    clearDirty(`${questionId}:note`);
    void outbox.drop(questionId);
    focusQuestion(questionId);
  }

  const describeField = (field: AnswerField, answer: AnswerFields) => {
    if (field === 'note') return answer.note || '(no note)';
    if (field === 'naReason') return (answer.value === 'na' && answer.naReason) || '(no reason)';
    return answer.value ? ANSWER_LABELS[answer.value] : '(no answer)';
  };

  function renderConflict(questionId: string) {
    const conflict = conflicts.conflicts[questionId];
    if (!conflict) return null;
    const mine = fieldsOf(answers[questionId]);
    return (
      <ConflictPanel
        testId={`conflict-${questionId}`}
        title="this answer"
        since={conflict.wasOffline ? 'while you were offline' : undefined}
        changedBy={conflict.theirs.updatedByName}
        changedAt={conflict.theirs.updatedAt}
        rows={differingFields(mine, conflict.theirs).map((field) => ({
          label: FIELD_LABELS[field],
          mine: describeField(field, mine),
          theirs: describeField(field, conflict.theirs),
        }))}
        buttonSuffix={`for ${questionId}`}
        onKeepMine={() => keepMine(questionId)}
        onTakeTheirs={() => takeTheirs(questionId)}
      />
    );
  }

  function renderPrompt(prompt: QuestionView, letter: string) {
    const answer = answers[prompt.id];
    return (
      <div
        key={prompt.id}
        id={questionAnchor(prompt.id)}
        className="border-b border-govuk-light-grey py-3"
        data-testid={`question-${prompt.id}`}
      >
        <Radios
          name={prompt.id}
          idPrefix={`${questionAnchor(prompt.id)}-value`}
          legend={
            <>
              <span className="font-bold">{letter})</span> {prompt.text}
            </>
          }
          legendClassName="font-normal"
          options={VALUE_OPTIONS}
          value={answer?.value ?? null}
          onChange={(v) => chooseValue(prompt, v as AnswerValue)}
          disabled={!isEditable}
          error={errors[prompt.id]}
          hint={
            prompt.guidance ? (
              <details>
                <summary className="cursor-pointer text-govuk-link underline">What this prompt means</summary>
                <p className="mt-1 border-l-4 border-govuk-border pl-3">{prompt.guidance}</p>
              </details>
            ) : undefined
          }
        />
        {renderConflict(prompt.id)}
      </div>
    );
  }

  function renderJudgement(question: QuestionView) {
    const answer = answers[question.id];
    const promptValues = question.prompts.map((p) => answers[p.id]?.value);
    const tally = { yes: 0, no: 0, na: 0, none: 0 };
    for (const v of promptValues) tally[v ?? 'none'] += 1;
    const reason = answer?.naReason ?? '';
    const otherText = otherReasons[question.id];
    const isOtherReason = otherText !== undefined || (reason !== '' && !question.naReasons.includes(reason));
    const reasonError = isOtherReason
      ? !(otherText ?? reason).trim()
        ? 'Describe the other reason to save this answer'
        : undefined
      : !reason.trim()
        ? 'Choose a reason to save this answer'
        : undefined;
    const anchor = questionAnchor(question.id);
    return (
      <div className="mt-4 bg-govuk-light-grey p-4" id={anchor} data-testid={`question-${question.id}`}>
        {question.prompts.length ? (
          <p className="mb-3 text-base" data-testid={`prompt-tally-${question.id}`}>
            Prompts so far: {tally.yes} yes, {tally.no} no, {tally.na} not applicable
            {tally.none ? `, ${tally.none} unanswered` : ''}. They inform your judgement but do not decide it.
          </p>
        ) : null}
        <Radios
          name={question.id}
          idPrefix={`${anchor}-value`}
          legend={question.kind === 'key_question' ? `Your judgement: ${question.text}` : question.text}
          options={VALUE_OPTIONS}
          value={answer?.value ?? null}
          onChange={(v) => chooseValue(question, v as AnswerValue)}
          disabled={!isEditable}
          error={errors[question.id]}
        />
        {question.kind === 'key_question' && answer?.value === 'na' ? (
          <div className="mt-3 border-l-4 border-govuk-border pl-4">
            <Radios
              name={`${question.id}-reason`}
              idPrefix={`${anchor}-reason`}
              legend="Why is this key question not applicable to this case?"
              hint={`The case leaves this key question’s sub-sample.${question.naGuidance ? ` ${question.naGuidance}` : ''}${promptsStillCounted(tally.yes + tally.no)}`}
              isInline={false}
              options={[
                ...question.naReasons.map((r) => ({ value: r, label: r })),
                { value: OTHER_REASON, label: question.naReasons.length ? 'Another reason' : 'Describe the reason' },
              ]}
              value={isOtherReason ? OTHER_REASON : reason || null}
              onChange={(v) => {
                if (v === OTHER_REASON) {
                  setOtherReasons((o) => ({ ...o, [question.id]: o[question.id] ?? '' }));
                } else {
                  setOtherReasons(({ [question.id]: _, ...rest }) => rest);
                  chooseReason(question, v);
                }
              }}
              disabled={!isEditable}
              error={reasonError}
            >
              {isOtherReason ? (
                // GOV.UK conditional reveal: inside the fieldset, under the option it belongs to.
                <div className="mt-2 ml-4 border-l-4 border-govuk-border pl-4">
                  <label htmlFor={`${anchor}-other-reason`} className="mb-1 block">
                    Describe the other reason
                  </label>
                  <input
                    id={`${anchor}-other-reason`}
                    className="w-full max-w-xl border-2 border-govuk-input bg-white p-1.5"
                    value={otherText ?? reason}
                    disabled={!isEditable}
                    maxLength={300}
                    aria-describedby={reasonError ? `${anchor}-reason-error` : undefined}
                    onChange={(e) => {
                      const text = e.currentTarget.value;
                      setOtherReasons((o) => ({ ...o, [question.id]: text }));
                    }}
                    onBlur={(e) => {
                      const text = e.currentTarget.value.trim();
                      if (text && text !== reason) chooseReason(question, text);
                    }}
                  />
                </div>
              ) : null}
            </Radios>
          </div>
        ) : null}
        {renderConflict(question.id)}
        <div className="mt-4">
          <label htmlFor={`${anchor}-note`} className="mb-1 block font-bold">
            Evidence for {question.id} (optional)
          </label>
          <p id={`${anchor}-note-hint`} className="mb-1 text-base text-govuk-secondary">
            Strengths and areas for improvement. Use the case reference, never the child’s name.
          </p>
          <textarea
            id={`${anchor}-note`}
            aria-describedby={`${anchor}-note-hint`}
            rows={3}
            className="block w-full border-2 border-govuk-input bg-white p-1.5"
            value={answer?.note ?? ''}
            disabled={!isEditable}
            onChange={(e) => typeNote(question.id, e.currentTarget.value)}
            onBlur={() => flushNote(question.id)}
            maxLength={5000}
          />
        </div>
      </div>
    );
  }

  return (
    <div className="lg:grid lg:grid-cols-[1fr_18rem] lg:gap-8">
      <div>
        <div className="sticky top-0 z-10 mb-4 bg-white py-2">
          <AutosaveStatusText
            status={status}
            sync={{ kept: outbox.kept, ownKept: outbox.ownKept, isOnline: outbox.isOnline }}
            conflictKeys={questionIds.filter((id) => id in conflicts.conflicts)}
          />
          {!isEditable && readOnlyReason ? <p className="mt-2 font-bold">{readOnlyReason}</p> : null}
        </div>
        {questions.map((question) => (
          <section key={question.id} aria-labelledby={`${questionAnchor(question.id)}-heading`} className="mb-10">
            <h2 id={`${questionAnchor(question.id)}-heading`} className="mb-2 text-2xl font-bold">
              <span className="text-govuk-secondary">{question.id}</span> {question.label}
            </h2>
            {question.kind === 'key_question' ? <p className="mb-3 text-lg">{question.text}</p> : null}
            {question.prompts.length ? (
              <div className="mb-2">
                <h3 className="text-lg font-bold">Prompts</h3>
                {question.prompts.map((p, i) => renderPrompt(p, String.fromCharCode(97 + i)))}
              </div>
            ) : null}
            {renderJudgement(question)}
          </section>
        ))}
      </div>
      <aside className="mb-8" aria-labelledby="live-figures-heading">
        <LiveFigures questions={questions} counts={counts} answers={answers} />
      </aside>
    </div>
  );
}
