/** `YYYY-MM-DD` of a calendar date stored as UTC midnight. */
export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
