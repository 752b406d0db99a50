import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '@/lib/validation/import-file';
import { MAX_POPULATION_FILE_BYTES } from '@/lib/sampling/read-population-file';
import { isOversizeActionPost, isUnmeasuredActionPost, SERVER_ACTION_BODY_LIMIT_BYTES } from './body-limit';

const require = createRequire(import.meta.url);
const nextConfig = require(path.resolve(__dirname, '../../next.config.js')) as {
  experimental: { serverActions: { bodySizeLimit: number } };
};

const post = (pathname: string, contentLength?: string, method = 'POST') => ({
  method,
  pathname,
  headers: new Headers(contentLength === undefined ? {} : { 'content-length': contentLength }),
});

describe('server-action body limit', () => {
  it('is the number next.config.js gives Next.js', () => {
    expect(nextConfig.experimental.serverActions.bodySizeLimit).toBe(SERVER_ACTION_BODY_LIMIT_BYTES);
  });

  it('fits the largest legitimate upload with room for the multipart envelope', () => {
    const largest = Math.max(MAX_IMPORT_BYTES, MAX_POPULATION_FILE_BYTES);
    expect(SERVER_ACTION_BODY_LIMIT_BYTES).toBeGreaterThanOrEqual(largest + 64 * 1024);
    // …and not far beyond it: anything much larger is no legitimate form.
    expect(SERVER_ACTION_BODY_LIMIT_BYTES).toBeLessThanOrEqual(2 * largest);
  });

  it('refuses posts to pages declaring a body over the limit, or a malformed length', () => {
    expect(isOversizeActionPost(post('/inspections/new', String(SERVER_ACTION_BODY_LIMIT_BYTES + 1)))).toBe(true);
    expect(isOversizeActionPost(post('/', '99999999999999999999'))).toBe(true);
    expect(isOversizeActionPost(post('/', '-1'))).toBe(true);
    expect(isOversizeActionPost(post('/', '1e9'))).toBe(true);
  });

  it('lets through bodies within the limit, other methods, unknown lengths and /api/ routes', () => {
    expect(isOversizeActionPost(post('/inspections/new', String(SERVER_ACTION_BODY_LIMIT_BYTES)))).toBe(false);
    expect(isOversizeActionPost(post('/inspections/new', '120'))).toBe(false);
    expect(isOversizeActionPost(post('/inspections/new'))).toBe(false);
    expect(isOversizeActionPost(post('/inspections/new', '99999999', 'GET'))).toBe(false);
    expect(isOversizeActionPost(post('/api/auth/callback/credentials', '99999999'))).toBe(false);
  });

  it('refuses a post to a page that sends a body without its length (issue 21: Next.js answered 500), and nothing else', () => {
    const chunked = (pathname: string, extra: Record<string, string> = {}, method = 'POST') => ({
      method,
      pathname,
      headers: new Headers({ 'transfer-encoding': 'chunked', ...extra }),
    });
    expect(isUnmeasuredActionPost(chunked('/inspections/new'))).toBe(true);
    expect(isUnmeasuredActionPost(chunked('/inspections/new', { 'content-length': '10' }))).toBe(false);
    expect(isUnmeasuredActionPost(chunked('/api/auth/callback/credentials'))).toBe(false);
    expect(isUnmeasuredActionPost(chunked('/inspections/new', {}, 'GET'))).toBe(false);
    expect(isUnmeasuredActionPost({ method: 'POST', pathname: '/', headers: new Headers() })).toBe(false);
  });
});
