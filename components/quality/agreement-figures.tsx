import type { AgreementStats } from '@/lib/quality/agreement';

/** "83%" (agreement is whole per cent on screen; the export keeps one decimal). */
function formatPercent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value)}%`;
}

/** Kappa to two decimals with its Landis & Koch word: "0.40 (fair)". */
function formatKappa(stats: Pick<AgreementStats, 'kappa' | 'strength'>): string {
  if (stats.kappa === null) return 'Cannot be calculated';
  return `${stats.kappa.toFixed(2)}${stats.strength ? ` (${stats.strength})` : ''}`;
}

/** One row of the agreement table: n, % agreement, kappa, and the plain warning. */
export function AgreementCells({ stats }: { stats: AgreementStats }) {
  return (
    <>
      <td className="py-2 pr-4 text-right tabular-nums">{stats.n}</td>
      <td className="py-2 pr-4 text-right tabular-nums">{formatPercent(stats.percentAgreement)}</td>
      <td className="py-2 pr-4">{formatKappa(stats)}</td>
      <td className="py-2 text-base">{stats.warning ?? ''}</td>
    </>
  );
}
