import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZImportFile } from './import-file';

describe('zod runs without its JIT (issue 21: the CSP violation of its Function("") probe)', () => {
  it('is set by the first schema module the browser loads, before its schema is built', () => {
    expect(z.config().jitless).toBe(true);
    expect(ZImportFile.safeParse({ file: 'not a file' }).success).toBe(false);
  });
});
