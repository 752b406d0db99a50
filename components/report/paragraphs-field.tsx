'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { checkInserted, generateSentence, type ReportBlock, type ReportFigures } from '@/lib/report/draft';
import type { SentenceSource } from '@/lib/report/sentences';

export interface SentenceChoice {
  label: string;
  source: SentenceSource;
}

/**
 * A section's paragraphs: the panel's text, sentences Casemark inserted (flagged when their
 * figures have changed, with the new sentence offered), and quotes ("One inspector noted:").
 */
export function ParagraphsField({
  id,
  blocks,
  figures,
  choices,
  onChange,
}: {
  id: string;
  blocks: ReportBlock[];
  figures: ReportFigures;
  choices: SentenceChoice[];
  onChange: (blocks: ReportBlock[]) => void;
}) {
  const [choice, setChoice] = useState(0);
  const [isBrief, setIsBrief] = useState(false);
  const replace = (index: number, block: ReportBlock | null) =>
    onChange(blocks.flatMap((b, i) => (i === index ? (block ? [block] : []) : [b])));
  const selected = choices[choice];
  const isCount = selected?.source.kind === 'prompt' || selected?.source.kind === 'key_question';
  // "In nine of the 17 cases, …": the reports leave out "inspected" once a paragraph has named the sample.
  const source = selected && isCount && isBrief ? { ...selected.source, isBrief: true } : selected?.source;
  const offer = source ? generateSentence(source, figures) : null;

  return (
    <div className="mb-4">
      {blocks.map((block, index) => (
        <div key={index} className="mb-3 border-l-4 border-govuk-border pl-3" data-testid={`${id}-block`}>
          {block.kind === 'text' ? (
            <>
              <label htmlFor={`${id}-p${index}`} className="mb-1 block font-bold">
                Paragraph {index + 1}
              </label>
              <textarea
                id={`${id}-p${index}`}
                rows={4}
                className="block w-full border-2 border-govuk-input p-1.5"
                value={block.text}
                onChange={(e) => replace(index, { kind: 'text', text: e.currentTarget.value })}
              />
            </>
          ) : block.kind === 'quote' ? (
            <blockquote>
              <p className="font-bold">One inspector noted:</p>
              <p className="italic">“{block.text}”</p>
            </blockquote>
          ) : (
            <GeneratedBlock block={block} figures={figures} onReplace={(b) => replace(index, b)} />
          )}
          <button type="button" className="mt-1 text-govuk-link underline" onClick={() => replace(index, null)}>
            Remove<span className="sr-only"> paragraph {index + 1}</span>
          </button>
        </div>
      ))}
      <div className="flex flex-wrap items-end gap-3">
        <Button type="button" variant="secondary" onClick={() => onChange([...blocks, { kind: 'text', text: '' }])}>
          Add a paragraph
        </Button>
        {choices.length ? (
          <>
            <div>
              <label htmlFor={`${id}-sentence`} className="block font-bold">
                Sentence from the figures
              </label>
              <select
                id={`${id}-sentence`}
                className="border-2 border-govuk-input p-1.5"
                value={choice}
                onChange={(e) => setChoice(Number(e.currentTarget.value))}
              >
                {choices.map((c, i) => (
                  <option key={i} value={i}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
            {isCount ? (
              <Checkbox
                id={`${id}-brief`}
                label="Leave out “inspected”"
                hint="Once the paragraph has named the sample"
                checked={isBrief}
                onChange={(e) => setIsBrief(e.currentTarget.checked)}
              />
            ) : null}
            <Button
              type="button"
              variant="secondary"
              disabled={!offer}
              onClick={() => offer && onChange([...blocks, { kind: 'generated', ...offer }])}
            >
              Insert sentence
            </Button>
          </>
        ) : null}
      </div>
      {offer ? (
        <p className="mt-1 text-govuk-secondary">Will insert: {offer.text}</p>
      ) : selected ? (
        <p className="mt-1">No relevant case: nothing to say.</p>
      ) : null}
    </div>
  );
}

function GeneratedBlock({
  block,
  figures,
  onReplace,
}: {
  block: Extract<ReportBlock, { kind: 'generated' }>;
  figures: ReportFigures;
  onReplace: (block: ReportBlock | null) => void;
}) {
  const status = checkInserted(block, figures);
  return (
    <div>
      <p>
        {block.text} <span className="text-base text-govuk-secondary">(from the figures)</span>
      </p>
      {status.isStale ? (
        <div className="mt-2 border-l-4 border-govuk-error bg-govuk-light-grey p-2" data-testid="stale-sentence">
          <p className="font-bold">The figures have changed since this sentence was inserted.</p>
          {status.current ? (
            <>
              <p>Now: {status.current.text}</p>
              <Button
                type="button"
                variant="secondary"
                onClick={() => status.current && onReplace({ kind: 'generated', ...status.current })}
              >
                Use the new sentence
              </Button>
            </>
          ) : (
            <p>No case is relevant any more: remove the sentence.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
