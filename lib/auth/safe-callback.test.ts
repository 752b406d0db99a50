import { describe, expect, it } from 'vitest';
import { safeCallbackPath, safeCallbackUrl, withSafeCallbackUrls } from './safe-callback';

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

describe('safeCallbackUrl and withSafeCallbackUrls (issue 21)', () => {
  it.each([
    ['http://a:b/', '/'],
    ['http://[::1', '/'],
    ['https://evil.example/inspections/x?y=1', '/inspections/x?y=1'],
    ['javascript:alert(1)', '/'],
    ['/inspections/x', '/inspections/x'],
    [42, '/'],
  ])('makes %j the path %j, never throwing', (url, path) => {
    expect(safeCallbackUrl(url)).toBe(path);
  });

  it('rewrites the callback URL of the query, a form or JSON body, and the callback-url cookie', () => {
    const form = withSafeCallbackUrls({
      url: 'http://localhost/api/auth/csrf?callbackUrl=http%3A%2F%2Fa%3Ab%2F&x=1',
      headers: new Headers({
        cookie: 'a=1; __Secure-next-auth.callback-url=http%3A%2F%2Fa%3Ab%2F; next-auth.callback-url=%E0%A4%A; b=2',
        'content-type': 'application/x-www-form-urlencoded',
      }),
      body: 'csrfToken=t&callbackUrl=http%3A%2F%2Fa%3Ab%2F',
    });
    expect(new URL(form.url).searchParams.get('callbackUrl')).toBe('/');
    expect(new URL(form.url).searchParams.get('x')).toBe('1');
    expect(form.headers.get('cookie')).toBe('a=1; __Secure-next-auth.callback-url=%2F; next-auth.callback-url=%2F; b=2');
    expect(new URLSearchParams(form.body).get('callbackUrl')).toBe('/');
    expect(new URLSearchParams(form.body).get('csrfToken')).toBe('t');
    const json = withSafeCallbackUrls({
      url: 'http://localhost/api/auth/callback/credentials',
      headers: new Headers({ 'content-type': 'application/json' }),
      body: JSON.stringify({ callbackUrl: 'http://a:b/', email: 'x' }),
    });
    expect(JSON.parse(json.body!)).toEqual({ callbackUrl: '/', email: 'x' });
  });
});
