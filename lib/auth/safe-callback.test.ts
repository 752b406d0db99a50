import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-callback';

describe('safeCallbackPath', () => {
  it('keeps paths on this site', () => {
    expect(safeCallbackPath('/inspections/abc?x=1#top')).toBe('/inspections/abc?x=1#top');
  });

  it.each([
    ['//evil.example/path'],
    ['/\\evil.example'],
    ['/\t/evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    [''],
    [undefined],
    [['/a', '/b']],
  ])('refuses %j', (url) => {
    expect(safeCallbackPath(url)).toBe('/');
  });
});
