import { describe, expect, it } from 'vitest';
import { ZCreateUser } from './user';

describe('ZCreateUser', () => {
  it('normalises the email', () => {
    const parsed = ZCreateUser.parse({ email: ' Ada@Example.COM ', name: 'Ada', password: 'correct horse battery' });
    expect(parsed.email).toBe('ada@example.com');
    expect(parsed.isAdmin).toBe(false);
  });

  it('refuses a bad email, a short password and an empty name', () => {
    const result = ZCreateUser.safeParse({ email: 'not-an-email', name: ' ', password: 'short' });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain('Enter an email address in the correct format, like name@example.com');
    expect(messages).toContain('Password must be at least 12 characters');
    expect(messages).toContain('Enter a name');
  });
});
