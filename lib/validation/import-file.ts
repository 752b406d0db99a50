import './jitless';
import { z } from 'zod';

/**
 * Server actions accept request bodies up to 1 MB (Next's default `serverActions.bodySizeLimit`);
 * a 40-case inspection with notes is a few hundred KB. Larger files: `npm run inspection -- import`.
 */
export const MAX_IMPORT_BYTES = 1_000_000;

export const TOO_LARGE = 'The file is larger than 1 MB: import it with npm run inspection -- import <file> --as <your email>';

/** The upload on the import page: one non-empty JSON file. */
export const ZImportFile = z.object({
  file: z
    .instanceof(File, { error: 'Choose an inspection file (.json)' })
    .refine((file) => file.size > 0 || file.name !== '', 'Choose an inspection file (.json)')
    .refine((file) => file.size > 0, 'The file is empty')
    .refine((file) => file.size <= MAX_IMPORT_BYTES, TOO_LARGE),
});
