'use client';

import type { ReactNode } from 'react';
import { ConflictPanel } from '@/components/ui/conflict-panel';
import type { ReportFigures, SectionContent } from '@/lib/report/draft';
import { ParagraphsField, type SentenceChoice } from './paragraphs-field';
import { ItemsField } from './items-field';
import { SaveStatus } from './save-status';
import { useSectionAutosave } from './use-section-autosave';

type Field = 'paragraphs' | 'findings' | 'recommendations';

/** What a section holds, as plain text for the conflict panel. */
function describe(content: SectionContent): string {
  const parts = [
    ...content.paragraphs.map((p) => (p.kind === 'quote' ? `One inspector noted: “${p.text}”` : p.text)),
    ...content.strengths.map((s) => `Strength: ${s}`),
    ...content.areas.map((a) => `Area for improvement: ${a}`),
    ...content.groups.flatMap((g) => [g.addressee, ...g.items.map((i) => `• ${i}`)]),
  ].filter((t) => t.trim() !== '');
  return parts.join('\n') || '(empty)';
}

/** One saved-as-you-type section of the draft: its fields, its save status, and its conflict panel. */
export function SectionEditor({
  inspectionId,
  sectionKey,
  title,
  initial,
  fields,
  figures,
  choices = [],
  canEdit,
  children,
}: {
  inspectionId: string;
  sectionKey: string;
  title: string;
  initial: { content: SectionContent; version: number };
  fields: Field[];
  figures: ReportFigures;
  choices?: SentenceChoice[];
  canEdit: boolean;
  /** Rendered under the fields with the section's state (the evidence at hand). */
  children?: (section: ReturnType<typeof useSectionAutosave>) => ReactNode;
}) {
  const section = useSectionAutosave(inspectionId, sectionKey, initial);
  const { content, update } = section;
  const id = `section-${sectionKey.replace(/[:.]/g, '-')}`;
  return (
    <fieldset className="mb-6" disabled={!canEdit} data-testid={id}>
      <legend className="mb-2 text-xl font-bold">{title}</legend>
      {section.conflict ? (
        <ConflictPanel
          title={title}
          changedBy={section.conflict.updatedByName}
          changedAt={section.conflict.updatedAt}
          rows={[
            {
              label: title,
              mine: <pre className="whitespace-pre-wrap">{describe(content)}</pre>,
              theirs: <pre className="whitespace-pre-wrap">{describe(section.conflict.content)}</pre>,
            },
          ]}
          explanation="What you wrote is kept on the page and was not saved. Keep yours to save it over theirs, or take theirs."
          onKeepMine={section.keepMine}
          onTakeTheirs={section.takeTheirs}
        />
      ) : null}
      {fields.includes('paragraphs') ? (
        <ParagraphsField
          id={id}
          blocks={content.paragraphs}
          figures={figures}
          choices={choices}
          onChange={(paragraphs) => update((c) => ({ ...c, paragraphs }))}
        />
      ) : null}
      {fields.includes('findings') ? (
        <>
          <ItemsField
            id={`${id}-strengths`}
            label="Strengths"
            items={content.strengths}
            onChange={(strengths) => update((c) => ({ ...c, strengths }))}
          />
          <ItemsField
            id={`${id}-areas`}
            label="Areas for improvement"
            items={content.areas}
            onChange={(areas) => update((c) => ({ ...c, areas }))}
          />
        </>
      ) : null}
      {fields.includes('recommendations') ? <RecommendationGroups id={id} content={content} update={update} /> : null}
      {children?.(section)}
      <SaveStatus state={section.state} />
    </fieldset>
  );
}

function RecommendationGroups({
  id,
  content,
  update,
}: {
  id: string;
  content: SectionContent;
  update: (next: (c: SectionContent) => SectionContent) => void;
}) {
  const setGroup = (index: number, group: SectionContent['groups'][number]) =>
    update((c) => ({ ...c, groups: c.groups.map((g, i) => (i === index ? group : g)) }));
  return (
    <div>
      {content.groups.map((group, index) => (
        <div key={index} className="mb-4 border-l-4 border-govuk-border pl-3">
          <label htmlFor={`${id}-addressee-${index}`} className="mb-1 block font-bold">
            Who should act
          </label>
          <input
            id={`${id}-addressee-${index}`}
            className="mb-2 block w-full max-w-xl border-2 border-govuk-input p-1.5"
            value={group.addressee}
            placeholder="The YOT management board should:"
            onChange={(e) => setGroup(index, { ...group, addressee: e.currentTarget.value })}
          />
          <ItemsField
            id={`${id}-items-${index}`}
            label="Recommendations (numbered in order across the report)"
            items={group.items}
            onChange={(items) => setGroup(index, { ...group, items })}
          />
        </div>
      ))}
      <button
        type="button"
        className="text-govuk-link underline"
        onClick={() => update((c) => ({ ...c, groups: [...c.groups, { addressee: '', items: [] }] }))}
      >
        Add recommendations for someone else
      </button>
    </div>
  );
}
