import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { requestIdFrom, routeOf } from './request-log';

describe('routeOf', () => {
  it('keeps the pattern and drops ids, references and the query string', () => {
    expect(routeOf('/inspections/0b7e4a3c-1d2e-4f5a-8b9c-0d1e2f3a4b5c/cases/1b7e4a3c-1d2e-4f5a-8b9c-0d1e2f3a4b5c/answers')).toBe(
      '/inspections/:id/cases/:id/answers',
    );
    expect(routeOf('/inspections?reference=NS-2024-017')).toBe('/inspections');
    expect(routeOf('/exports/NS-2024-017.csv')).toBe('/exports/:param');
    expect(routeOf('/summary/ab12cd')).toBe('/summary/:param');
    expect(routeOf('/_next/static/chunks/abc.js')).toBe('/_next/static/*');
    expect(routeOf('/')).toBe('/');
  });
});

describe('requestIdFrom', () => {
  it('keeps a proxy’s plain id and replaces anything else', () => {
    expect(requestIdFrom('lb-0123456789', () => 'new')).toBe('lb-0123456789');
    expect(requestIdFrom('short', () => 'new')).toBe('new');
    expect(requestIdFrom('has space in it', () => 'new')).toBe('new');
    expect(requestIdFrom(undefined, () => 'new')).toBe('new');
  });
});

describe('createLogger', () => {
  it('writes one JSON object per line, with sensitive fields redacted', () => {
    const lines: string[] = [];
    const log = createLogger('json', (l) => lines.push(l));
    log.info('request', { requestId: 'r1', route: '/readyz', status: 200, durationMs: 3, note: 'a child’s note', password: 'pw' });
    const entry = JSON.parse(lines.join('')) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'info', msg: 'request', requestId: 'r1', route: '/readyz', status: 200, durationMs: 3 });
    expect(entry.note).toBe('[redacted]');
    expect(lines.join('')).not.toContain('a child’s note');
    expect(lines.join('')).not.toContain('"pw"');
  });

  it('writes a short line otherwise, leaving sensitive fields out', () => {
    const lines: string[] = [];
    createLogger(undefined, (l) => lines.push(l)).warn('not ready', { reason: 'database unreachable', reference: 'NS-1' });
    expect(lines).toEqual(['[casemark] warn not ready reason=database unreachable\n']);
  });
});
