import type { FrameworkVersion } from '@/lib/framework/types';
import { RATING_LABELS } from '@/lib/format/labels';
import type { StandardRatingCounts } from '@/lib/summary/summary';
import { FRAMEWORK_LABELS } from '@/lib/summary/summary-tables';
import { BarSegment, NoData, cell, head, num } from './chart-parts';

const FILLS = {
  outstanding: '#00703c',
  good: '#28a197',
  requires_improvement: '#ffdd00',
  inadequate: '#d4351c',
  notRated: '#b1b4b6',
} as const;
const SEGMENTS = ['outstanding', 'good', 'requires_improvement', 'inadequate', 'notRated'] as const;
const SEGMENT_LABELS = { ...RATING_LABELS, notRated: 'Not rated' } as const;
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
                      <BarSegment
                        key={s}
                        x={x}
                        y={i * rowHeight + 3}
                        width={w}
                        value={n}
                        fill={FILLS[s]}
                        text={s === 'outstanding' || s === 'inadequate' ? '#ffffff' : '#0b0c0c'}
                      />
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
