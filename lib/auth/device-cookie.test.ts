import { describe, expect, it } from 'vitest';
import { issueDeviceCookie, verifyDeviceCookie } from './device-cookie';

const SECRET = 'a-secret-a-secret-a-secret-a-secret';

describe('device cookies', () => {
  it('trust a browser for the account it signed in as, case-insensitively', () => {
    const cookie = issueDeviceCookie(SECRET, 'ada@example.gov.uk');
    const nonce = verifyDeviceCookie(SECRET, 'Ada@Example.gov.uk', cookie);
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(cookie).not.toContain('ada');
  });

  it('give a new nonce each time', () => {
    const a = verifyDeviceCookie(SECRET, 'ada@example.gov.uk', issueDeviceCookie(SECRET, 'ada@example.gov.uk'));
    const b = verifyDeviceCookie(SECRET, 'ada@example.gov.uk', issueDeviceCookie(SECRET, 'ada@example.gov.uk'));
    expect(a).not.toBe(b);
  });

  it('are worth nothing for another account, another secret, or when altered', () => {
    const cookie = issueDeviceCookie(SECRET, 'ada@example.gov.uk');
    expect(verifyDeviceCookie(SECRET, 'admin@example.gov.uk', cookie)).toBeNull();
    expect(verifyDeviceCookie(`${SECRET}x`, 'ada@example.gov.uk', cookie)).toBeNull();
    const [v, nonce = '', mac = ''] = cookie.split('.');
    expect(nonce && mac).toBeTruthy();
    expect(verifyDeviceCookie(SECRET, 'ada@example.gov.uk', `${v}.${nonce.replace(/^./, nonce[0] === 'A' ? 'B' : 'A')}.${mac}`)).toBeNull();
    expect(verifyDeviceCookie(SECRET, 'ada@example.gov.uk', `${v}.${nonce}.${mac.slice(0, -1)}`)).toBeNull();
    for (const junk of [undefined, null, '', 'v1', 'v1..', 'x'.repeat(1000), `v2.${nonce}.${mac}`]) {
      expect(verifyDeviceCookie(SECRET, 'ada@example.gov.uk', junk)).toBeNull();
    }
  });
});
