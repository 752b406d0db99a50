import { RATING_WORDS } from '@/lib/rating/bands';
import { LOWEST_KEY_QUESTION_NOTE, type DocumentParagraph, type ReportDocument } from '@/lib/report/document';

function Paragraphs({ blocks }: { blocks: DocumentParagraph[] }) {
  return blocks.map((b, i) =>
    b.kind === 'quote' ? (
      <blockquote key={i} className="mb-3">
        <p className="font-bold">One inspector noted:</p>
        <p className="ml-6 italic">“{b.text}”</p>
      </blockquote>
    ) : b.kind === 'generated' && b.isStale ? (
      <p key={i} className="mb-3">
        <mark>{b.text}</mark>{' '}
        <strong data-testid="print-stale">
          [Figures have changed since this sentence was inserted. {b.current ? `Now: ${b.current}` : 'There is no longer anything to say.'}]
        </strong>
      </p>
    ) : (
      <p key={i} className="mb-3">
        {b.text}
      </p>
    ),
  );
}

function List({ title, items }: { title: string; items: string[] }) {
  if (!items.length) return null;
  return (
    <>
      <p className="font-bold">{title}</p>
      <ul className="mb-3 list-disc pl-6">
        {items.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ul>
    </>
  );
}

/** The draft report in the browser, in the same order and with the same tables as the .docx. */
export function ReportPrint({ report }: { report: ReportDocument }) {
  return (
    <article className="max-w-3xl">
      <h1 className="mb-1 text-4xl font-bold">{report.title}</h1>
      <p className="mb-6">{report.dateLine}</p>
      <h2 className="mb-2 text-2xl font-bold">Ratings</h2>
      <table className="mb-2 w-full border-collapse" data-testid="print-ratings">
        <thead>
          <tr>
            <th scope="col" className="border p-1 text-left">
              Standard
            </th>
            <th scope="col" className="w-48 border p-1 text-left">
              Rating
            </th>
          </tr>
        </thead>
        <tbody>
          {report.ratings.map((r) => (
            <tr key={r.id}>
              <td className="border p-1">
                {r.id} {r.title}
              </td>
              <td className="border p-1">{r.rating}</td>
            </tr>
          ))}
          <tr>
            <td className="border p-1 font-bold">Overall rating ({report.score})</td>
            <td className="border p-1 font-bold">{report.overall}</td>
          </tr>
        </tbody>
      </table>
      {report.ratings.some((r) => r.professionalJudgement) ? <p className="mb-4">*Professional judgement applied.</p> : null}
      <h2 className="mt-6 mb-2 text-2xl font-bold">Executive summary</h2>
      {report.domains.map((d) =>
        d.summary.length ? (
          <section key={d.id}>
            <h3 className="mb-1 text-xl font-bold">{d.title}</h3>
            <Paragraphs blocks={d.summary} />
          </section>
        ) : null,
      )}
      <h2 className="mt-6 mb-2 text-2xl font-bold">Key findings</h2>
      {report.domains.map((d) =>
        d.strengths.length || d.areas.length ? (
          <section key={d.id}>
            <h3 className="mb-1 text-xl font-bold">{d.title}</h3>
            <p>Our key findings about {d.title.toLowerCase()} are as follows:</p>
            <ul className="mb-2 list-disc pl-6">
              {d.strengths.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ul>
            <List title="But:" items={d.areas} />
          </section>
        ) : null,
      )}
      <h2 className="mt-6 mb-2 text-2xl font-bold">Recommendations</h2>
      {report.recommendations.map((g, i) => (
        <section key={i} className="mb-3">
          <p className="font-bold">{g.addressee}</p>
          <ol className="list-none">
            {g.items.map((item) => (
              <li key={item.number}>
                {item.number}. {item.text}
              </li>
            ))}
          </ol>
        </section>
      ))}
      {report.domains.map((d) => (
        <section key={d.id} className="mt-8 break-before-page">
          <h2 className="mb-2 text-2xl font-bold">
            {d.id}. {d.title}
          </h2>
          {d.sample ? <p className="mb-3">{d.sample}</p> : null}
          {d.standards.map((s) => (
            <section key={s.id} className="mb-6">
              <h3 className="mb-1 text-xl font-bold">
                {s.id}. {s.title}
              </h3>
              <p className="mb-2 font-bold">
                Rating: {s.rating ? `${RATING_WORDS[s.rating]}${s.professionalJudgement ? '*' : ''}` : 'Not rated'}
              </p>
              {s.keyQuestions.length ? (
                <>
                  <table className="mb-1 w-full border-collapse">
                    <thead>
                      <tr>
                        <th scope="col" className="border p-1 text-left">
                          Key question
                        </th>
                        <th scope="col" className="w-24 border p-1 text-left">
                          % yes
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {s.keyQuestions.map((k) => (
                        <tr key={k.id} className={k.isLowest ? 'font-bold' : ''}>
                          <td className="border p-1">{k.text}</td>
                          <td className="border p-1">{k.pct}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <p className="mb-3 text-base">{LOWEST_KEY_QUESTION_NOTE}</p>
                </>
              ) : null}
              <Paragraphs blocks={s.paragraphs} />
              <List title="Strengths:" items={s.strengths} />
              <List title="Areas for improvement:" items={s.areas} />
            </section>
          ))}
        </section>
      ))}
      <section className="mt-8 break-before-page">
        <h2 className="mb-2 text-2xl font-bold">Annexe 1: Methodology</h2>
        {report.method.map((m, i) => (
          <p key={i} className="mb-3">
            {m}
          </p>
        ))}
      </section>
    </article>
  );
}
