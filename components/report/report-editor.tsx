'use client';

import { getFramework } from '@/lib/framework';
import type { Standard } from '@/lib/framework/types';
import { caseTypeOfDomain } from '@/lib/report/document';
import { EMPTY_SECTION } from '@/lib/report/draft';
import type { ReportDraft } from '@/lib/report/load-draft';
import { suggestFindings } from '@/lib/report/suggestions';
import { EvidencePanel } from './evidence-panel';
import type { SentenceChoice } from './paragraphs-field';
import { SectionEditor } from './section-editor';
import { Suggestions } from './suggestions';

const short = (text: string) => (text.length > 70 ? `${text.slice(0, 67)}…` : text);

/** The sentences a standard's paragraphs may insert: its rating, each key question, each prompt. */
function standardChoices(standard: Standard): SentenceChoice[] {
  if (standard.kind !== 'case_marked') return [];
  return [
    { label: `Rating of ${standard.id}`, source: { kind: 'rating', standardId: standard.id } },
    ...standard.keyQuestions.flatMap((kq): SentenceChoice[] => [
      { label: `${kq.id} ${short(kq.text)}`, source: { kind: 'key_question', questionId: kq.id } },
      ...kq.prompts.map((p): SentenceChoice => ({ label: `${p.id} ${short(p.text)}`, source: { kind: 'prompt', questionId: p.id } })),
    ]),
  ];
}

/** The whole draft, in the report's order, each section saved as it is typed. */
export function ReportEditor({ draft }: { draft: ReportDraft }) {
  const framework = getFramework(draft.framework);
  const initial = (key: string) => draft.sections[key] ?? { content: EMPTY_SECTION, version: 0 };
  const common = { inspectionId: draft.inspectionId, figures: draft.figures, canEdit: draft.canEdit };

  return (
    <>
      <h2 className="mb-3 text-2xl font-bold">Executive summary</h2>
      {framework.domains.map((domain) => {
        const caseType = caseTypeOfDomain(domain.id);
        const choices: SentenceChoice[] = [
          ...(caseType ? [{ label: 'Description of the sample', source: { kind: 'sample', caseType } } as SentenceChoice] : []),
          ...domain.standards.map((s): SentenceChoice => ({
            label: `Rating of ${s.id} ${s.title}`,
            source: { kind: 'rating', standardId: s.id },
          })),
        ];
        const key = `summary:${domain.id}`;
        return (
          <SectionEditor
            key={key}
            {...common}
            sectionKey={key}
            title={domain.title}
            initial={initial(key)}
            fields={['paragraphs']}
            choices={choices}
          />
        );
      })}

      <h2 className="mb-3 text-2xl font-bold">Key findings</h2>
      {framework.domains.map((domain) => {
        const key = `findings:${domain.id}`;
        const suggested = suggestFindings(draft.framework, draft.figures.result, domain.id);
        return (
          <SectionEditor
            key={key}
            {...common}
            sectionKey={key}
            title={`Key findings: ${domain.title}`}
            initial={initial(key)}
            fields={['findings']}
          >
            {(section) =>
              draft.canEdit ? (
                <Suggestions
                  suggested={suggested}
                  onAccept={(list, text) => section.update((c) => ({ ...c, [list]: [...c[list].filter((t) => t.trim() !== ''), text] }))}
                />
              ) : null
            }
          </SectionEditor>
        );
      })}

      <h2 className="mb-3 text-2xl font-bold">Recommendations</h2>
      <SectionEditor
        {...common}
        sectionKey="recommendations"
        title="Recommendations"
        initial={initial('recommendations')}
        fields={['recommendations']}
      />

      {framework.domains.map((domain) => {
        const caseType = caseTypeOfDomain(domain.id);
        const practice = draft.practiceExamples.filter((p) => p.caseType === caseType);
        return (
          <section key={domain.id} className="mb-8">
            <h2 className="mb-3 text-2xl font-bold">
              {domain.id}. {domain.title}
            </h2>
            {practice.length ? (
              <div className="mb-4 border-l-4 border-govuk-blue pl-3" data-testid={`practice-${domain.id}`}>
                <h3 className="font-bold">Examples of practice flagged by inspectors</h3>
                <ul className="list-disc pl-6">
                  {practice.map((p, i) => (
                    <li key={i}>{p.text}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {domain.standards.map((standard) => {
              const key = `standard:${standard.id}`;
              const questionIds = new Set(standard.keyQuestions.flatMap((kq) => [kq.id, ...kq.prompts.map((p) => p.id)]));
              const notes = standard.kind === 'case_marked' ? draft.evidence.filter((n) => questionIds.has(n.questionId)) : [];
              return (
                <SectionEditor
                  key={key}
                  {...common}
                  sectionKey={key}
                  title={`${standard.id} ${standard.title}`}
                  initial={initial(key)}
                  fields={['paragraphs', 'findings']}
                  choices={standardChoices(standard)}
                >
                  {(section) =>
                    notes.length ? (
                      <EvidencePanel
                        id={`evidence-${standard.id.replace('.', '-')}`}
                        keyQuestions={standard.keyQuestions}
                        notes={notes}
                        canEdit={draft.canEdit}
                        quotedIds={new Set(section.content.paragraphs.flatMap((p) => (p.kind === 'quote' ? [p.answerId] : [])))}
                        onQuote={(n) =>
                          section.update((c) => ({
                            ...c,
                            paragraphs: [...c.paragraphs, { kind: 'quote', answerId: n.answerId, text: n.note }],
                          }))
                        }
                      />
                    ) : null
                  }
                </SectionEditor>
              );
            })}
          </section>
        );
      })}
    </>
  );
}
