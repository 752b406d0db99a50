import type { KeyQuestionResult } from '@/lib/rating/standard-rating';

const BANDS = [
  { from: 0, to: 50, fill: '#f4cdc6' },
  { from: 50, to: 65, fill: '#fff7bf' },
  { from: 65, to: 80, fill: '#bfe3e0' },
  { from: 80, to: 100, fill: '#cce2d8' },
];

/**
 * Key-question percentages as bars against the band thresholds (50, 65, 80). Decorative for
 * assistive technology: the key-question table beside it is the accessible alternative.
 */
export function KeyQuestionChart({ keyQuestions, lowest }: { keyQuestions: KeyQuestionResult[]; lowest: string | null }) {
  const rowHeight = 28;
  const left = 56;
  const width = 360;
  const height = keyQuestions.length * rowHeight + 24;
  const x = (pct: number) => left + (pct / 100) * (width - left - 8);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="w-full max-w-md" aria-hidden="true" focusable="false" data-testid="kq-chart">
      {BANDS.map((b) => (
        <rect key={b.from} x={x(b.from)} y={0} width={x(b.to) - x(b.from)} height={height - 20} fill={b.fill} />
      ))}
      {[50, 65, 80].map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={0} y2={height - 20} stroke="#0b0c0c" strokeDasharray="3 3" />
          <text x={x(t)} y={height - 6} fontSize="11" textAnchor="middle" fill="#0b0c0c">
            {t}%
          </text>
        </g>
      ))}
      {keyQuestions.map((kq, i) => (
        <g key={kq.id}>
          <text x={4} y={i * rowHeight + 18} fontSize="12" fill="#0b0c0c">
            {kq.id}
          </text>
          {kq.pct !== null ? (
            <rect
              x={left}
              y={i * rowHeight + 6}
              width={Math.max(1, x(kq.pct) - left)}
              height={16}
              fill={kq.id === lowest ? '#0b0c0c' : '#1d70b8'}
            />
          ) : null}
          <text x={kq.pct !== null ? x(kq.pct) + 4 : left + 4} y={i * rowHeight + 18} fontSize="11" fill="#0b0c0c">
            {kq.pct === null ? 'no cases' : `${kq.pct}%`}
          </text>
        </g>
      ))}
    </svg>
  );
}
