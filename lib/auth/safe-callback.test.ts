import { describe, expect, it } from 'vitest';
import { safeCallbackPath, safeCallbackUrl, unreadableCallbackCookies, withSafeCallbackUrls } from './safe-callback';

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

  it('rewrites the callback URL of the query and of a form or JSON body', () => {
    const form = withSafeCallbackUrls({
      url: 'http://localhost/api/auth/csrf?callbackUrl=http%3A%2F%2Fa%3Ab%2F&x=1',
      contentType: 'application/x-www-form-urlencoded',
      body: 'csrfToken=t&callbackUrl=http%3A%2F%2Fa%3Ab%2F',
    });
    expect(new URL(form.url).searchParams.get('callbackUrl')).toBe('/');
    expect(new URL(form.url).searchParams.get('x')).toBe('1');
    expect(new URLSearchParams(form.body).get('callbackUrl')).toBe('/');
    expect(new URLSearchParams(form.body).get('csrfToken')).toBe('t');
    const json = withSafeCallbackUrls({
      url: 'http://localhost/api/auth/callback/credentials',
      contentType: 'application/json',
      body: JSON.stringify({ callbackUrl: 'http://a:b/', email: 'x' }),
    });
    expect(JSON.parse(json.body!)).toEqual({ callbackUrl: '/', email: 'x' });
  });

  it('finds the callback-url cookies next-auth could not read, and only those', () => {
    expect(
      unreadableCallbackCookies([
        { name: 'next-auth.callback-url', value: 'http://a:b/' },
        { name: '__Secure-next-auth.callback-url', value: 'http://localhost:3000/inspections' },
        { name: 'other', value: 'http://a:b/' },
      ]),
    ).toEqual(['next-auth.callback-url']);
    expect(unreadableCallbackCookies([{ name: '__Secure-next-auth.callback-url', value: 'javascript:x' }])).toEqual([
      '__Secure-next-auth.callback-url',
    ]);
  });
});
