import type { ImportIssue } from './check-case-import';

/** `Line 4, disposal: …` for a summary of problems. */
export function describeImportIssue(issue: ImportIssue): string {
  return `Line ${issue.line}${issue.column ? `, ${issue.column}` : ''}: ${issue.message}`;
}
