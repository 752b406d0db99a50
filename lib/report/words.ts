/**
 * Numbers as the inspection reports write them. Pure: no Next, Prisma or React.
 *
 * - Words below ten, figures from ten: "In nine of the 10 children's records" (Blackpool 2021,
 *   000_c1174f08f6b47fac.txt); "In three of the four cases inspected"; "In 11 of the 13 cases
 *   inspected" (Leicestershire 2021, 004_46eac8fc65744bcf.txt).
 * - "per cent" in prose, the same rule for the number: "with only 47 per cent meeting our
 *   requirements … and risk of harm (six per cent)" (Leicestershire 2021, 3. Out-of-court).
 * - "%" in tables: "55%", "39%" (every report's key-question tables).
 */

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;

/** A whole number as the reports write it in prose: words below ten, figures from ten. */
export function numberInWords(value: number): string {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`Expected a whole number of 0 or more, got ${value}`);
  return value < 10 ? (WORDS[value] ?? String(value)) : String(value);
}

/** The same with a capital, for the start of a sentence ("Three of the …"). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A percentage in prose: "47 per cent", "six per cent". */
export function percentInProse(pct: number): string {
  return `${numberInWords(pct)} per cent`;
}

/** A percentage in a table: "47%"; an empty sub-sample prints as an en dash. */
export function percentInTable(pct: number | null): string {
  return pct === null ? '–' : `${pct}%`;
}

/** "one referral order", "three youth cautions": a counted noun with its plural. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${numberInWords(count)} ${count === 1 ? singular : plural}`;
}

/**
 * "a, b and c", as Wigan and Leicestershire list a sample ("three youth conditional cautions, seven
 * youth cautions and seven community resolutions", 004_46eac8fc65744bcf.txt); with `serialComma`
 * "a, b, and c", as Blackpool (000_c1174f08f6b47fac.txt) and St Helens (003_ce93bfaa3cc60c15.txt:
 * "four community resolutions, and three other disposals") do. Two items never take the comma.
 */
export function listInProse(items: readonly string[], serialComma = false): string {
  if (items.length <= 1) return items.join('');
  const comma = serialComma && items.length > 2 ? ',' : '';
  return `${items.slice(0, -1).join(', ')}${comma} and ${items.at(-1) ?? ''}`;
}
