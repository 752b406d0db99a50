'use client';

import { useEffect, useRef, useState } from 'react';
import { ConflictPanel } from '@/components/ui/conflict-panel';
import { Radios } from '@/components/ui/radios';
import { postCaseDetails } from '@/lib/marking/save-client';
import { AutosaveStatusText, useAutosave, type AttemptOutcome } from './autosave';
import { useOutbox } from './use-outbox';
import { useConflicts } from './use-conflicts';
import { planReplay } from '@/lib/offline/replay-plan';
import { isOutboxAvailable } from '@/lib/offline/outbox';
import { idsToSend, newChangeId } from '@/lib/offline/change-id';

const OUTBOX_KEYS = ['case'];

interface Details {
  agreesWithRosh: boolean | null;
  agreesWithSafety: boolean | null;
  isCaseManagerInterviewed: boolean | null;
  isPracticeExample: boolean;
  practiceExample: string | null;
}

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const DETAIL_LABELS: Record<keyof Details, string> = {
  agreesWithRosh: 'Agrees with the risk of serious harm classification',
  agreesWithSafety: 'Agrees with the safety and wellbeing classification',
  isCaseManagerInterviewed: 'Case manager interviewed',
  isPracticeExample: 'Example of practice',
  practiceExample: 'Practice example',
};
const describeDetail = (v: Details[keyof Details] | undefined) =>
  v === true ? 'Yes' : v === false ? 'No' : v === null || v === undefined || v === '' ? '(no answer)' : v;
const toRadio = (v: boolean | null) => (v === null ? null : v ? 'yes' : 'no');

/** The case-level items of the method, saved as the inspector answers them. */
export function CaseDetailsForm({
  userId,
  inspectionId,
  caseId,
  initial,
  initialVersion,
  isEditable,
}: {
  /** The signed-in user: the on-device outbox is theirs alone. */
  userId: string;
  inspectionId: string;
  caseId: string;
  initial: Details;
  initialVersion: number;
  isEditable: boolean;
}) {
  const { status, enqueue, markDirty, clearDirty } = useAutosave({ isKeptOnDevice: isOutboxAvailable });
  const outbox = useOutbox({ userId, inspectionId, caseId, keys: OUTBOX_KEYS });
  const [details, setDetails] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  // Someone else's details, when they changed them since this page loaded, and my unsaved change:
  // kept in the page's one conflict state (components/cases/use-conflicts.ts), under 'case'.
  const conflicts = useConflicts<{
    theirs: Details & { version: number };
    mine: Partial<Details>;
    seqs: number[];
    changedBy: string | null;
    changedAt: string | null;
  }>();
  const conflict = conflicts.conflicts.case ?? null;
  const version = useRef(initialVersion);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // What the page shows, for saves in flight to compare with someone else's details.
  const shown = useRef(details);
  useEffect(() => {
    shown.current = details;
  }, [details]);

  // Each change goes into the on-device outbox first and leaves it once the server has it (issue 11).
  // `replay`: a change left on this device by an earlier visit, made at `madeAt` (the audit trail says offline replay, and when),
  // with its id and the ids of the earlier changes it replaces (ADR 0015).
  function save(patch: Partial<Details>, seqs?: number[], replay?: { madeAt: number; changeId?: string; replaces: string[] }) {
    // One id for every try of this change: a retry whose first reply was lost is known as saved.
    const changeId = replay ? replay.changeId : newChangeId();
    const ids = idsToSend(changeId, replay?.replaces);
    setDetails((d) => ({ ...d, ...patch }));
    const recorded = seqs ? Promise.resolve(seqs) : outbox.record('case', { field: 'details', patch }, version.current, changeId);
    void enqueue(
      'case',
      async (): Promise<AttemptOutcome> => {
        const mySeqs = await recorded;
        // While a conflict is open, a later change joins it (the box shows it as mine) and is never
        // sent on a stale version; nor does it replace the conflict, hiding the items before it.
        if (conflicts.isOpen('case')) {
          conflicts.update('case', (c) => ({ ...c, mine: { ...c.mine, ...patch }, seqs: [...c.seqs, ...mySeqs] }));
          return { kind: 'failed', message: 'resolve the conflict on the case details first' };
        }
        const response = await postCaseDetails(
          inspectionId,
          userId,
          { caseId, baseVersion: version.current, ...patch, ...ids },
          { isReplay: replay !== undefined, madeAt: replay?.madeAt },
        );
        if (!response.ok) {
          if (response.code === 'error') return { kind: 'retry', message: 'Not saved — retrying' };
          if (response.code === 'invalid') await outbox.confirm('case', mySeqs, version.current);
          setError(response.message);
          return { kind: 'failed', message: response.message };
        }
        if (response.data.status === 'conflict') {
          const theirs = response.data.theirs;
          // The server already holds every detail the page shows (we agree): nothing to choose. Only
          // the whole: their equal value for this item says nothing of the items my later changes
          // would overwrite (a lost reply is known by its id on the server: ADR 0015).
          const same = (a: Details[keyof Details] | undefined) => (a === '' || a === undefined ? null : a);
          if ((Object.keys(DETAIL_LABELS) as (keyof Details)[]).every((k) => same(theirs[k]) === same(shown.current[k]))) {
            version.current = theirs.version;
            await outbox.confirm('case', mySeqs, theirs.version);
            return { kind: 'done' };
          }
          // Nothing of mine is discarded: both are shown and the inspector chooses.
          const { changedBy, changedAt } = response.data;
          conflicts.open('case', { theirs, mine: patch, seqs: mySeqs, changedBy, changedAt });
          return { kind: 'failed', message: 'someone else changed the case details (see below)' };
        }
        version.current = response.data.details.version;
        await outbox.confirm('case', mySeqs, response.data.details.version);
        setError(null);
        return { kind: 'done' };
      },
      'practiceExample' in patch ? 'practiceExample' : undefined,
    );
  }

  /**
   * "Keep mine": my details as the box showed them, on their version — kept on the device as a new
   * change (with its own id, so a lost reply to it is known too), replacing the held ones.
   */
  function keepMine() {
    const closed = conflicts.close('case');
    if (!closed) return;
    version.current = closed.theirs.version;
    save({ ...closed.mine });
    void outbox.confirm('case', closed.seqs, closed.theirs.version);
  }

  function takeTheirs() {
    const closed = conflicts.close('case');
    if (!closed) return;
    version.current = closed.theirs.version;
    const { version: _version, ...theirs } = closed.theirs;
    setDetails(theirs);
    clearDirty('case');
    void outbox.drop('case');
  }

  // Changes left on this device by an earlier visit: shown and sent from the version they were made on.
  const hasReplayed = useRef(false);
  useEffect(() => {
    if (hasReplayed.current) return;
    hasReplayed.current = true;
    void outbox.pending().then((entries) => {
      for (const plan of planReplay(entries)) {
        version.current = plan.baseVersion;
        for (const send of plan.sends) if (send.change.field === 'details') save(send.change.patch, send.seqs, send);
      }
    });
  });

  function typeExample(text: string) {
    setDetails((d) => ({ ...d, practiceExample: text }));
    markDirty('practiceExample');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => flushExample(text), 800);
  }

  function flushExample(text: string) {
    clearTimeout(timer.current);
    timer.current = undefined;
    save({ practiceExample: text });
  }

  return (
    <section aria-labelledby="case-level-heading" className="mb-8">
      <h2 id="case-level-heading" className="mb-3 text-2xl font-bold">
        About this case
      </h2>
      <AutosaveStatusText status={status} sync={{ kept: outbox.kept, ownKept: outbox.ownKept, isOnline: outbox.isOnline }} />
      {error ? (
        <p role="alert" className="my-2 border-l-4 border-govuk-error pl-3 font-bold text-govuk-error">
          {error}
        </p>
      ) : null}
      {conflict ? (
        <ConflictPanel
          testId="case-details-conflict"
          title="these details"
          changedBy={conflict.changedBy}
          changedAt={conflict.changedAt}
          rows={(Object.keys(conflict.mine) as (keyof Details)[]).map((key) => ({
            label: DETAIL_LABELS[key],
            mine: describeDetail(conflict.mine[key]),
            theirs: describeDetail(conflict.theirs[key]),
          }))}
          explanation="Your change is kept on the page. Keep yours to save it over theirs, or take theirs to see what they answered."
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
        />
      ) : null}
      <div className="mt-4 space-y-6">
        <Radios
          name="agreesWithRosh"
          idPrefix="agreesWithRosh"
          legend="Do you agree with the risk of serious harm classification?"
          options={YES_NO}
          value={toRadio(details.agreesWithRosh)}
          onChange={(v) => save({ agreesWithRosh: v === 'yes' })}
          disabled={!isEditable}
        />
        <Radios
          name="agreesWithSafety"
          idPrefix="agreesWithSafety"
          legend="Do you agree with the safety and wellbeing classification?"
          options={YES_NO}
          value={toRadio(details.agreesWithSafety)}
          onChange={(v) => save({ agreesWithSafety: v === 'yes' })}
          disabled={!isEditable}
        />
        <Radios
          name="isCaseManagerInterviewed"
          idPrefix="isCaseManagerInterviewed"
          legend="Was the case manager interviewed?"
          options={YES_NO}
          value={toRadio(details.isCaseManagerInterviewed)}
          onChange={(v) => save({ isCaseManagerInterviewed: v === 'yes' })}
          disabled={!isEditable}
        />
        <div>
          <div className="flex items-center gap-2">
            <input
              id="isPracticeExample"
              type="checkbox"
              className="h-8 w-8 accent-govuk-text"
              checked={details.isPracticeExample}
              disabled={!isEditable}
              onChange={(e) => save({ isPracticeExample: e.currentTarget.checked })}
            />
            <label htmlFor="isPracticeExample">This case is an example of practice for the report</label>
          </div>
          {details.isPracticeExample ? (
            <div className="mt-3">
              <label htmlFor="practiceExample" className="mb-1 block font-bold">
                Practice example
              </label>
              <p id="practiceExample-hint" className="mb-1 text-govuk-secondary">
                Change all names: the report must not identify the child or family.
              </p>
              <textarea
                id="practiceExample"
                aria-describedby="practiceExample-hint"
                rows={4}
                className="block w-full border-2 border-govuk-input p-1.5"
                value={details.practiceExample ?? ''}
                disabled={!isEditable}
                maxLength={5000}
                onChange={(e) => typeExample(e.currentTarget.value)}
                onBlur={(e) => {
                  if (timer.current) flushExample(e.currentTarget.value);
                }}
              />
            </div>
          ) : null}
        </div>
      </div>
    </section>
  );
}
