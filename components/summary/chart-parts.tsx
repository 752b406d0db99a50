/**
 * The parts the summary's charts are drawn from, as plain SVG like the panel's key-question chart
 * (components/panel/key-question-chart.tsx): each chart is decorative for assistive technology
 * (aria-hidden) and followed by the table it draws, which is the accessible alternative and
 * carries the exact figures. Colours are the rating tags' tints, with words in the tables.
 */

export const cell = 'border-b border-govuk-border py-2 pr-3 align-top';
export const num = `${cell} text-right tabular-nums`;
export const head = 'border-b-2 border-govuk-text py-2 pr-3 text-left align-bottom font-bold';
export const pct = (v: number | null) => (v === null ? '–' : `${v}%`);

/** A count inside its bar segment, when the segment is wide enough to hold it. */
function BarCount({ x, y, width, value, fill = '#0b0c0c' }: { x: number; y: number; width: number; value: number; fill?: string }) {
  if (value === 0 || width < 12) return null;
  return (
    <text x={x + width / 2} y={y + 13} fontSize="11" textAnchor="middle" fill={fill}>
      {value}
    </text>
  );
}

/**
 * One segment of a bar: its rectangle and, when wide enough, its count — the rating-count bars and
 * the change bars are both drawn from these. Nothing for a count of 0. `isDashed`: a category apart
 * (no previous rating), outlined rather than filled.
 */
export function BarSegment({
  x,
  y,
  width,
  value,
  fill,
  text = '#0b0c0c',
  isDashed = false,
}: {
  x: number;
  y: number;
  width: number;
  value: number;
  fill: string;
  text?: string;
  isDashed?: boolean;
}) {
  if (!value) return null;
  return (
    <g>
      {isDashed ? (
        <rect x={x} y={y + 1} width={width} height={16} fill="#ffffff" stroke="#505a5f" strokeDasharray="3 2" />
      ) : (
        <rect x={x} y={y} width={width} height={18} fill={fill} stroke="#ffffff" />
      )}
      <BarCount x={x} y={y} width={width} value={value} fill={text} />
    </g>
  );
}

/** Said instead of drawing an empty frame. */
export function NoData({ testId, children }: { testId: string; children: React.ReactNode }) {
  return (
    <p className="mb-4 text-base" data-testid={testId}>
      {children}
    </p>
  );
}
