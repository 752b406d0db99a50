import type { FrameworkVersion } from '@/lib/framework/types';
import type { KeyQuestionSpread } from '@/lib/summary/summary';
import { FRAMEWORK_LABELS } from '@/lib/summary/summary-tables';
import { NoData, cell, head, num, pct } from './chart-parts';

/**
 * A median of fewer than this many inspections moves a band with one inspection: the chart says
 * so rather than let a single service pass for the nation.
 */
const FEW_INSPECTIONS = 5;

/** Per key question, the range of percentages across final inspections with the median marked. */
export function KeyQuestionSpreadChart({ framework, rows }: { framework: FrameworkVersion; rows: KeyQuestionSpread[] }) {
  const rowHeight = 22;
  const left = 56;
  const width = 480;
  const height = rows.length * rowHeight + 24;
  const x = (v: number) => left + (v / 100) * (width - left - 12);
  const isEmpty = rows.every((row) => row.median === null);
  const few = rows.filter((row) => row.n > 0 && row.n < FEW_INSPECTIONS);
  return (
    <figure className="mb-8 break-inside-avoid" data-testid={`kq-spread-${framework}`}>
      <figcaption className="mb-2 text-xl font-bold">Key questions across inspections ({FRAMEWORK_LABELS[framework]})</figcaption>
      {few.length > 0 ? (
        <p className="mb-2 border-l-4 border-govuk-error pl-3 text-base" data-testid={`kq-spread-few-${framework}`}>
          {few.length === rows.length
            ? 'Every median here rests'
            : few.length === 1
              ? '1 of these medians rests'
              : `${few.length} of these medians rest`}{' '}
          on fewer than {FEW_INSPECTIONS} published inspections: one inspection can move them across a band. Read them as those services’
          figures, not the nation’s.
        </p>
      ) : null}
      {isEmpty ? (
        <NoData testId={`kq-spread-empty-${framework}`}>No published inspection has key-question percentages yet.</NoData>
      ) : (
        <>
          <p className="mb-2 text-base text-govuk-secondary" aria-hidden="true">
            Each line runs from the lowest to the highest percentage; the dot is the median. Dashed lines are the band thresholds (50%, 65%,
            80%).
          </p>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            className="mb-4 w-full max-w-2xl"
            aria-hidden="true"
            focusable="false"
            data-testid="kq-spread-chart"
          >
            {[0, 50, 65, 80, 100].map((t) => (
              <g key={t}>
                <line
                  x1={x(t)}
                  x2={x(t)}
                  y1={0}
                  y2={height - 20}
                  stroke="#505a5f"
                  strokeDasharray={t === 0 || t === 100 ? undefined : '3 3'}
                />
                <text x={x(t)} y={height - 6} fontSize="11" textAnchor="middle" fill="#0b0c0c">
                  {t}%
                </text>
              </g>
            ))}
            {rows.map((row, i) => (
              <g key={row.keyQuestionId}>
                <text x={2} y={i * rowHeight + 15} fontSize="11" fill="#0b0c0c">
                  {row.keyQuestionId}
                </text>
                {row.min !== null && row.max !== null && row.median !== null ? (
                  <>
                    <line
                      x1={x(row.min)}
                      x2={x(row.max)}
                      y1={i * rowHeight + 11}
                      y2={i * rowHeight + 11}
                      stroke="#1d70b8"
                      strokeWidth={4}
                    />
                    <circle cx={x(row.median)} cy={i * rowHeight + 11} r={5} fill="#0b0c0c" />
                  </>
                ) : null}
              </g>
            ))}
          </svg>
        </>
      )}
      <table className="w-full border-collapse text-base" data-testid={`kq-spread-table-${framework}`}>
        <caption className="sr-only">
          Lowest, median and highest key-question percentage across final inspections ({FRAMEWORK_LABELS[framework]})
        </caption>
        <thead>
          <tr>
            <th scope="col" className={head}>
              Key question
            </th>
            <th scope="col" className={`${head} text-right`}>
              Inspections
            </th>
            <th scope="col" className={`${head} text-right`}>
              Lowest
            </th>
            <th scope="col" className={`${head} text-right`}>
              Median
            </th>
            <th scope="col" className={`${head} text-right`}>
              Highest
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.keyQuestionId} data-testid={`kq-spread-${framework}-${row.keyQuestionId}`}>
              <th scope="row" className={`${cell} text-left font-normal`}>
                <span className="font-bold">{row.keyQuestionId}</span> {row.text}
              </th>
              <td className={num}>{row.n}</td>
              <td className={num}>{pct(row.min)}</td>
              <td className={num}>{pct(row.median)}</td>
              <td className={num}>{pct(row.max)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
