import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * OWASP device cookies: a browser that signed in successfully as a user carries a cookie that
 * proves it (a random nonce and an HMAC of the account's email and the nonce, keyed by the
 * app's secret). Failures from elsewhere never delay that browser; its own failures are counted
 * against its nonce. The cookie holds no personal data and cannot be forged for another account.
 */
export const DEVICE_COOKIE = 'casemark-device';
/** How long a browser stays trusted after its last successful sign-in. */
export const DEVICE_COOKIE_MAX_AGE_S = 180 * 24 * 60 * 60;

function mac(secret: string, email: string, nonce: string): string {
  return createHmac('sha256', secret).update(`casemark-device:${email.toLowerCase()}:${nonce}`).digest('base64url');
}

/** A new device cookie's value for this account. */
export function issueDeviceCookie(secret: string, email: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `v1.${nonce}.${mac(secret, email, nonce)}`;
}

/** The cookie's nonce when it was issued by this app for this account; otherwise null. */
export function verifyDeviceCookie(secret: string, email: string, value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.length > 200) return null;
  const [version, nonce, signature] = value.split('.');
  if (version !== 'v1' || !nonce || !signature || !/^[A-Za-z0-9_-]{22}$/.test(nonce)) return null;
  const expected = Buffer.from(mac(secret, email, nonce));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? nonce : null;
}
