import type { FrameworkVersion } from '@/lib/framework/types';
import { RATING_LABELS } from '@/lib/format/labels';
import type { KeyQuestionSpread, StandardChanges, StandardRatingCounts } from '@/lib/summary/summary';
import { FRAMEWORK_LABELS } from '@/lib/summary/summary-tables';

/**
 * The summary's charts, drawn as plain SVG like the panel's key-question chart
 * (components/panel/key-question-chart.tsx): decorative for assistive technology
 * (aria-hidden), each followed by the table it draws, which is the accessible alternative and
 * carries the exact figures. Colours are the rating tags' tints, with words in the tables.
 */

const FILLS = {
  outstanding: '#00703c',
  good: '#28a197',
  requires_improvement: '#ffdd00',
  inadequate: '#d4351c',
  notRated: '#b1b4b6',
} as const;
const SEGMENTS = ['outstanding', 'good', 'requires_improvement', 'inadequate', 'notRated'] as const;
const SEGMENT_LABELS = { ...RATING_LABELS, notRated: 'Not rated' } as const;

const cell = 'border-b border-govuk-border py-2 pr-3 align-top';
const num = `${cell} text-right tabular-nums`;
const head = 'border-b-2 border-govuk-text py-2 pr-3 text-left align-bottom font-bold';
const pct = (v: number | null) => (v === null ? '–' : `${v}%`);

/**
 * A median of fewer than this many inspections moves a band with one inspection: the chart says
 * so rather than let a single service pass for the nation.
 */
const FEW_INSPECTIONS = 5;

/** A count inside its bar segment, when the segment is wide enough to hold it. */
function BarCount({ x, y, width, value, fill = '#0b0c0c' }: { x: number; y: number; width: number; value: number; fill?: string }) {
  if (value === 0 || width < 12) return null;
  return (
    <text x={x + width / 2} y={y + 13} fontSize="11" textAnchor="middle" fill={fill}>
      {value}
    </text>
  );
}

/** Said instead of drawing an empty frame. */
function NoData({ testId, children }: { testId: string; children: React.ReactNode }) {
  return (
    <p className="mb-4 text-base" data-testid={testId}>
      {children}
    </p>
  );
}

function Legend() {
  return (
    <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-base" aria-hidden="true">
      {SEGMENTS.map((s) => (
        <li key={s} className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 border border-govuk-text" style={{ background: FILLS[s] }} />
          {SEGMENT_LABELS[s]}
        </li>
      ))}
    </ul>
  );
}

/** Per standard, how many final inspections have each rating: one stacked bar per standard. */
export function RatingCountsChart({ framework, rows }: { framework: FrameworkVersion; rows: StandardRatingCounts[] }) {
  const rowHeight = 24;
  const left = 44;
  const width = 480;
  const height = rows.length * rowHeight + 22;
  const barWidth = width - left - 8;
  const isEmpty = rows.every((row) => row.total === 0);
  return (
    <figure className="mb-8 break-inside-avoid" data-testid={`rating-counts-${framework}`}>
      <figcaption className="mb-2 text-xl font-bold">Ratings by standard ({FRAMEWORK_LABELS[framework]})</figcaption>
      {isEmpty ? (
        <NoData testId={`rating-counts-empty-${framework}`}>No published inspection to count yet.</NoData>
      ) : (
        <>
          <Legend />
          <p className="mb-2 text-base text-govuk-secondary" aria-hidden="true">
            Each bar is every published inspection (100%); the numbers are inspections.
          </p>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            className="mb-4 w-full max-w-2xl"
            aria-hidden="true"
            focusable="false"
            data-testid="rating-counts-chart"
          >
            {rows.map((row, i) => {
              let x = left;
              return (
                <g key={row.standardId}>
                  <text x={2} y={i * rowHeight + 16} fontSize="12" fill="#0b0c0c">
                    {row.standardId}
                  </text>
                  {SEGMENTS.map((s) => {
                    const n = row.counts[s];
                    if (!n || !row.total) return null;
                    const w = (n / row.total) * barWidth;
                    const segment = (
                      <g key={s}>
                        <rect x={x} y={i * rowHeight + 3} width={w} height={18} fill={FILLS[s]} stroke="#ffffff" />
                        <BarCount
                          x={x}
                          y={i * rowHeight + 3}
                          width={w}
                          value={n}
                          fill={s === 'outstanding' || s === 'inadequate' ? '#ffffff' : '#0b0c0c'}
                        />
                      </g>
                    );
                    x += w;
                    return segment;
                  })}
                </g>
              );
            })}
            {[0, 100].map((t) => (
              <g key={t}>
                <line x1={left + (t / 100) * barWidth} x2={left + (t / 100) * barWidth} y1={0} y2={height - 16} stroke="#505a5f" />
                <text x={left + (t / 100) * barWidth} y={height - 4} fontSize="11" textAnchor={t === 0 ? 'start' : 'end'} fill="#0b0c0c">
                  {t}%
                </text>
              </g>
            ))}
          </svg>
        </>
      )}
      <table className="w-full border-collapse text-base" data-testid={`rating-counts-table-${framework}`}>
        <caption className="sr-only">Number of final inspections with each rating, by standard ({FRAMEWORK_LABELS[framework]})</caption>
        <thead>
          <tr>
            <th scope="col" className={head}>
              Standard
            </th>
            {SEGMENTS.map((s) => (
              <th key={s} scope="col" className={`${head} text-right`}>
                {SEGMENT_LABELS[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.standardId} data-testid={`rating-counts-${framework}-${row.standardId}`}>
              <th scope="row" className={`${cell} text-left font-normal`}>
                {row.standardId} {row.title}
              </th>
              {SEGMENTS.map((s) => (
                <td key={s} className={num}>
                  {row.counts[s]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

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
          {few.length === rows.length ? 'Every median here' : `${few.length} of these medians`} rest
          {few.length === 1 ? 's' : ''} on fewer than {FEW_INSPECTIONS} published inspections: one inspection can move them across a band.
          Read them as those services’ figures, not the nation’s.
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

/** Per standard, how many final inspections moved up, stayed the same or moved down since the previous inspection. */
export function ChangeChart({ framework, rows }: { framework: FrameworkVersion; rows: StandardChanges[] }) {
  const rowHeight = 24;
  const left = 44;
  const width = 480;
  const mid = left + (width - left) / 3;
  const height = rows.length * rowHeight + 4;
  // Inspections with no previous rating are their own category, drawn apart (dashed) after the
  // comparable ones: one comparable inspection among five is not "all improved".
  const most = Math.max(1, ...rows.map((r) => Math.max(r.down, r.up + r.same + r.notComparable)));
  const unit = Math.min((width - mid - 8) / most, (mid - left) / Math.max(1, ...rows.map((r) => r.down)));
  const isEmpty = rows.every((r) => r.up + r.same + r.down + r.notComparable === 0);
  return (
    <figure className="mb-8 break-inside-avoid" data-testid={`changes-${framework}`}>
      <figcaption className="mb-2 text-xl font-bold">Change since the previous inspection ({FRAMEWORK_LABELS[framework]})</figcaption>
      {isEmpty ? (
        <NoData testId={`changes-empty-${framework}`}>No published inspection to compare yet.</NoData>
      ) : (
        <>
          <p className="mb-2 text-base text-govuk-secondary" aria-hidden="true">
            Down to the left of the line (red); the same (grey) and up (green) to the right, then, dashed, those with no previous rating.
            The numbers are inspections.
          </p>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            className="mb-4 w-full max-w-2xl"
            aria-hidden="true"
            focusable="false"
            data-testid="changes-chart"
          >
            <line x1={mid} x2={mid} y1={0} y2={height} stroke="#0b0c0c" />
            {rows.map((row, i) => {
              const y = i * rowHeight + 3;
              return (
                <g key={row.standardId}>
                  <text x={2} y={i * rowHeight + 16} fontSize="12" fill="#0b0c0c">
                    {row.standardId}
                  </text>
                  {row.down ? (
                    <>
                      <rect x={mid - row.down * unit} y={y} width={row.down * unit} height={18} fill="#d4351c" />
                      <BarCount x={mid - row.down * unit} y={y} width={row.down * unit} value={row.down} fill="#ffffff" />
                    </>
                  ) : null}
                  {row.same ? (
                    <>
                      <rect x={mid} y={y} width={row.same * unit} height={18} fill="#b1b4b6" />
                      <BarCount x={mid} y={y} width={row.same * unit} value={row.same} />
                    </>
                  ) : null}
                  {row.up ? (
                    <>
                      <rect x={mid + row.same * unit} y={y} width={row.up * unit} height={18} fill="#00703c" />
                      <BarCount x={mid + row.same * unit} y={y} width={row.up * unit} value={row.up} fill="#ffffff" />
                    </>
                  ) : null}
                  {row.notComparable ? (
                    <>
                      <rect
                        x={mid + (row.same + row.up) * unit}
                        y={y + 1}
                        width={row.notComparable * unit}
                        height={16}
                        fill="#ffffff"
                        stroke="#505a5f"
                        strokeDasharray="3 2"
                      />
                      <BarCount x={mid + (row.same + row.up) * unit} y={y} width={row.notComparable * unit} value={row.notComparable} />
                    </>
                  ) : null}
                </g>
              );
            })}
          </svg>
        </>
      )}
      <table className="w-full border-collapse text-base" data-testid={`changes-table-${framework}`}>
        <caption className="sr-only">
          Number of final inspections whose rating went up, stayed the same or went down, by standard ({FRAMEWORK_LABELS[framework]})
        </caption>
        <thead>
          <tr>
            <th scope="col" className={head}>
              Standard
            </th>
            <th scope="col" className={`${head} text-right`}>
              Up
            </th>
            <th scope="col" className={`${head} text-right`}>
              Same
            </th>
            <th scope="col" className={`${head} text-right`}>
              Down
            </th>
            <th scope="col" className={`${head} text-right`}>
              No previous rating
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.standardId} data-testid={`changes-${framework}-${row.standardId}`}>
              <th scope="row" className={`${cell} text-left font-normal`}>
                {row.standardId} {row.title}
              </th>
              <td className={num}>{row.up}</td>
              <td className={num}>{row.same}</td>
              <td className={num}>{row.down}</td>
              <td className={num}>{row.notComparable}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
