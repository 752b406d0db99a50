import type { FrameworkVersion } from '@/lib/framework/types';
import type { StandardChanges } from '@/lib/summary/summary';
import { FRAMEWORK_LABELS } from '@/lib/summary/summary-tables';
import { BarSegment, NoData, cell, head, num } from './chart-parts';

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
                  {[
                    // Down to the left of the line; the same, up and then no previous rating to its right.
                    { value: row.down, x: mid - row.down * unit, fill: '#d4351c', text: '#ffffff' },
                    { value: row.same, x: mid, fill: '#b1b4b6' },
                    { value: row.up, x: mid + row.same * unit, fill: '#00703c', text: '#ffffff' },
                    { value: row.notComparable, x: mid + (row.same + row.up) * unit, fill: '#ffffff', isDashed: true },
                  ].map((segment, j) => (
                    <BarSegment key={j} y={y} width={segment.value * unit} {...segment} />
                  ))}
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
