/**
 * The draft report in the interchange file (docs/interchange.md): `"report": { "<section key>":
 * <section content> }`, the same content the page saves (lib/report/draft.ts). Pure: the checks
 * the import runs before it writes anything.
 */
import type { FrameworkVersion } from '@/lib/framework/types';
import { parseSectionKey, ZSectionContent, type SectionContent } from './draft';

/** Each problem of a document's `report`, as a path and a message; nothing when it is absent or sound. */
export function checkReportOfDocument(
  framework: FrameworkVersion | null,
  report: unknown,
): { path: (string | number)[]; message: string }[] {
  if (report === undefined) return [];
  if (report === null || typeof report !== 'object' || Array.isArray(report))
    return [{ path: ['report'], message: 'Expected the draft report: an object of section → content' }];
  const issues: { path: (string | number)[]; message: string }[] = [];
  for (const [key, content] of Object.entries(report)) {
    if (framework && !parseSectionKey(framework, key))
      issues.push({ path: ['report', key], message: `Not a section of a ${framework} report` });
    const parsed = ZSectionContent.safeParse(content);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        issues.push({ path: ['report', key, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))], message: issue.message });
  }
  return issues;
}

/** The sections of a checked document's `report`, ready to store. */
export function reportSectionsOfDocument(report: unknown): { sectionKey: string; content: SectionContent }[] {
  if (report === null || typeof report !== 'object' || Array.isArray(report)) return [];
  return Object.entries(report).map(([sectionKey, content]) => ({ sectionKey, content: ZSectionContent.parse(content) }));
}
