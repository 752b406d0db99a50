import type { Framework } from '@/lib/framework/types';
import { CASEMARK_OWN_RESETTLEMENT_NOTE } from '@/lib/framework/types';
import type { ExportTable, ExportTables, KeyQuestionRow, PromptRow, RatingsRow, ResettlementRow } from '@/lib/export/tables';

/**
 * The summary tables laid out like an inspection report's: the ratings table by domain, a
 * key-question table per standard, and the prompt annex. They render the same rows as the CSV
 * and XLSX files, so the three never disagree.
 */

const cell = 'border border-govuk-border px-2 py-1 align-top';
const headCell = `${cell} whitespace-nowrap bg-govuk-light-grey text-left font-bold`;
const numberCell = `${cell} text-right tabular-nums`;
const pct = (value: number | null) => (value === null ? '–' : `${value}%`);

/** The prompt annex and the resettlement table print the same three figures, in the reports' order. */
function PercentHeadings() {
  return (
    <>
      <th scope="col" className={`${headCell} text-right`}>
        % yes
      </th>
      <th scope="col" className={`${headCell} text-right`}>
        Yes
      </th>
      <th scope="col" className={`${headCell} text-right`}>
        Relevant
      </th>
    </>
  );
}

function PercentCells({ row }: { row: { pct: number | null; yes: number; relevant: number } }) {
  return (
    <>
      <td className={numberCell}>{pct(row.pct)}</td>
      <td className={numberCell}>{row.yes}</td>
      <td className={numberCell}>{row.relevant}</td>
    </>
  );
}

function RatingText({ rating, isJudgement, empty = 'Not yet rated' }: { rating: string | null; isJudgement: boolean; empty?: string }) {
  if (!rating) return <span className="text-govuk-secondary">{empty}</span>;
  return (
    <>
      {rating}
      {isJudgement ? (
        <>
          <span aria-hidden="true">*</span>
          <span className="sr-only"> (professional judgement)</span>
        </>
      ) : null}
    </>
  );
}

function RatingsReportTable({ rows }: { rows: RatingsRow[] }) {
  const overall = rows.find((r) => r.standard === 'Overall');
  const separate = rows.slice(rows.findIndex((r) => r.standard === 'Overall') + 1);
  const core = rows.slice(
    0,
    rows.findIndex((r) => r.standard === 'Overall'),
  );
  const domains = [...new Set(core.map((r) => r.domain))];
  const hasJudgement = rows.some((r) => r.professionalJudgement);
  return (
    <div className="break-inside-avoid">
      <table className="mb-2 w-full table-fixed border-collapse text-base" data-testid="print-ratings-table">
        <caption className="mb-2 text-left text-xl font-bold">Ratings</caption>
        <colgroup>
          <col className="w-[46%]" />
          <col className="w-[22%]" />
          <col className="w-[22%]" />
          <col className="w-[10%]" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className={headCell}>
              Standard
            </th>
            <th scope="col" className={headCell}>
              Rating
            </th>
            <th scope="col" className={headCell}>
              Computed rating
            </th>
            <th scope="col" className={`${headCell} text-right`}>
              Score
            </th>
          </tr>
        </thead>
        {domains.map((domain) => (
          <tbody key={domain}>
            <tr>
              <th scope="colgroup" colSpan={4} className={headCell}>
                {domain}
              </th>
            </tr>
            {core
              .filter((r) => r.domain === domain)
              .map((r) => (
                <tr key={r.standard} data-testid={`print-rating-${r.standard}`}>
                  <th scope="row" className={`${cell} text-left font-normal`}>
                    {r.standard} {r.title}
                  </th>
                  <td className={cell}>
                    <RatingText rating={r.rating} isJudgement={r.professionalJudgement === '*'} />
                  </td>
                  <td className={cell}>{r.computedRating ?? '–'}</td>
                  <td className={numberCell}>{r.score ?? '–'}</td>
                </tr>
              ))}
          </tbody>
        ))}
        {overall ? (
          <tbody>
            <tr data-testid="print-rating-overall">
              <th scope="row" className={`${headCell}`}>
                Overall rating
              </th>
              <td className={`${cell} font-bold`}>
                <RatingText rating={overall.rating} isJudgement={false} empty="Provisional" />
              </td>
              <td className={cell}>–</td>
              <td className={`${numberCell} font-bold`}>
                {overall.score ?? '–'} / {overall.maxScore}
              </td>
            </tr>
          </tbody>
        ) : null}
      </table>
      {hasJudgement ? (
        <p className="mb-2 text-base">
          * Professional judgement applied by the ratings panel; in the key-question tables the * is on the key question that set the
          computed rating.
        </p>
      ) : null}
      {overall?.basis ? (
        <p className="mb-4 text-base" data-testid="print-overall-basis">
          {overall.basis}
        </p>
      ) : null}
      {separate.length ? (
        <table className="mb-6 w-full border-collapse text-base" data-testid="print-ratings-separate">
          <caption className="mb-2 text-left font-bold">Rated separately (not part of the score)</caption>
          <thead>
            <tr>
              <th scope="col" className={headCell}>
                Standard
              </th>
              <th scope="col" className={headCell}>
                Rating
              </th>
              <th scope="col" className={headCell}>
                Note
              </th>
            </tr>
          </thead>
          <tbody>
            {separate.map((r) => (
              <tr key={r.standard} data-testid={`print-rating-${r.standard}`}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {r.standard} {r.title}
                </th>
                <td className={cell}>
                  <RatingText rating={r.rating} isJudgement={false} />
                </td>
                <td className={cell}>{r.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

function KeyQuestionReportTables({ framework, rows, ratings }: { framework: Framework; rows: KeyQuestionRow[]; ratings: RatingsRow[] }) {
  const hasPrevious = rows.some((r) => r.previousPct !== null);
  return (
    <>
      {framework.domains.flatMap((domain) =>
        domain.standards
          .filter((s) => s.kind === 'case_marked')
          .map((standard) => {
            const rating = ratings.find((r) => r.standard === standard.id);
            const standardRows = rows.filter((r) => r.standard === standard.id);
            return (
              <section key={standard.id} className="mb-6 break-inside-avoid" aria-labelledby={`kq-${standard.id}`}>
                <h3 id={`kq-${standard.id}`} className="mb-2 text-xl font-bold">
                  {standard.id} {standard.title}:{' '}
                  <RatingText rating={rating?.rating ?? null} isJudgement={rating?.professionalJudgement === '*'} />
                </h3>
                <table className="w-full border-collapse text-base" data-testid={`print-kq-table-${standard.id}`}>
                  <thead>
                    <tr>
                      <th scope="col" className={headCell}>
                        Key question
                      </th>
                      <th scope="col" className={`${headCell} text-right`}>
                        Yes
                      </th>
                      <th scope="col" className={`${headCell} text-right`}>
                        Relevant
                      </th>
                      <th scope="col" className={`${headCell} text-right`}>
                        % yes
                      </th>
                      <th scope="col" className={headCell}>
                        Band
                      </th>
                      {hasPrevious ? (
                        <th scope="col" className={`${headCell} text-right`}>
                          Previous %
                        </th>
                      ) : null}
                    </tr>
                  </thead>
                  <tbody>
                    {standardRows.map((r) => (
                      <tr key={r.keyQuestion} data-testid={`print-kq-${r.keyQuestion}`}>
                        <th scope="row" className={`${cell} text-left font-normal`}>
                          <span className="font-bold">{r.keyQuestion}</span> {r.text}
                        </th>
                        <td className={numberCell}>{r.yes}</td>
                        <td className={numberCell}>{r.relevant}</td>
                        <td className={numberCell} data-testid={`print-kq-pct-${r.keyQuestion}`}>
                          {pct(r.pct)}
                          {r.professionalJudgement === '*' ? (
                            <>
                              <span aria-hidden="true">*</span>
                              <span className="sr-only"> (professional judgement applied to the rating this key question set)</span>
                            </>
                          ) : null}
                        </td>
                        <td className={cell}>{r.band ?? '–'}</td>
                        {hasPrevious ? <td className={numberCell}>{pct(r.previousPct)}</td> : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            );
          }),
      )}
    </>
  );
}

function PromptAnnex({ framework, rows }: { framework: Framework; rows: PromptRow[] }) {
  return (
    <>
      {framework.domains.flatMap((domain) =>
        domain.standards
          .filter((s) => s.kind === 'case_marked')
          .map((standard) => (
            <section key={standard.id} className="mb-6" aria-labelledby={`annex-${standard.id}`}>
              <h3 id={`annex-${standard.id}`} className="mb-2 text-xl font-bold">
                {standard.id} {standard.title}
              </h3>
              {standard.keyQuestions
                .filter((kq) => kq.prompts.length > 0)
                .map((kq) => (
                  <table
                    key={kq.id}
                    className="mb-4 w-full break-inside-avoid border-collapse text-base"
                    data-testid={`print-prompts-${kq.id}`}
                  >
                    <caption className="mb-1 text-left font-bold">
                      {kq.id} {kq.text}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col" className={headCell}>
                          Prompt
                        </th>
                        <PercentHeadings />
                      </tr>
                    </thead>
                    <tbody>
                      {rows
                        .filter((r) => r.keyQuestion === kq.id)
                        .map((r) => (
                          <tr key={r.prompt}>
                            <th scope="row" className={`${cell} text-left font-normal`}>
                              {r.prompt}) {r.text}
                            </th>
                            <PercentCells row={r} />
                          </tr>
                        ))}
                    </tbody>
                  </table>
                ))}
            </section>
          )),
      )}
    </>
  );
}

/** Casemark's own resettlement questions (2021): their own table, labelled, after the inspectorate's annex. */
function ResettlementTable({ table }: { table: ExportTable<ResettlementRow> }) {
  return (
    <table className="mb-4 w-full break-inside-avoid border-collapse text-base" data-testid="print-resettlement">
      <caption className="mb-1 text-left font-bold">{table.title}</caption>
      <thead>
        <tr>
          <th scope="col" className={headCell}>
            Casemark’s own question
          </th>
          <PercentHeadings />
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.aspect} data-testid={`print-resettlement-${r.aspect}`}>
            <th scope="row" className={`${cell} text-left font-normal`}>
              <span className="font-bold">{r.aspect}</span> {r.text}
            </th>
            <PercentCells row={r} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReportTables({ framework, tables }: { framework: Framework; tables: ExportTables }) {
  return (
    <>
      <section aria-labelledby="print-ratings" className="mb-10">
        <h2 id="print-ratings" className="sr-only">
          Ratings
        </h2>
        <RatingsReportTable rows={tables.ratings.rows} />
      </section>
      <section aria-labelledby="print-key-questions" className="mb-10 print:break-before-page">
        <h2 id="print-key-questions" className="mb-4 text-2xl font-bold">
          Key questions
        </h2>
        <KeyQuestionReportTables framework={framework} rows={tables.keyQuestions.rows} ratings={tables.ratings.rows} />
      </section>
      <section aria-labelledby="print-annex" className="mb-10 print:break-before-page">
        <h2 id="print-annex" className="mb-2 text-2xl font-bold">
          Annex: prompts
        </h2>
        <p className="mb-4 text-base">Prompt figures are illustrative: they never set a rating.</p>
        <PromptAnnex framework={framework} rows={tables.prompts.rows} />
      </section>
      {tables.resettlement.rows.length ? (
        <section aria-labelledby="print-resettlement-heading" className="mb-10 print:break-before-page">
          <h2 id="print-resettlement-heading" className="mb-2 text-2xl font-bold">
            Resettlement cases: Casemark’s own questions
          </h2>
          <p className="mb-4 max-w-3xl text-base" data-testid="print-resettlement-note">
            {CASEMARK_OWN_RESETTLEMENT_NOTE}
          </p>
          <ResettlementTable table={tables.resettlement} />
        </section>
      ) : null}
    </>
  );
}
