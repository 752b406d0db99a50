/**
 * A real OpenID Connect provider for the browser tests (panva's certified oidc-provider), on
 * loopback over http. Its built-in development login form accepts any login and password; the
 * login is taken as the person's email address, which the provider says it has verified —
 * except for logins starting "unverified", whose email it says it has not.
 *
 * Started by playwright.config.ts with OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and
 * OIDC_REDIRECT_URI. Never use it outside tests.
 */
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: [process.env.OIDC_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  async findAccount(_ctx, sub) {
    return {
      accountId: sub,
      async claims() {
        return { sub, email: sub, email_verified: !sub.startsWith('unverified'), name: `Test person ${sub}` };
      },
    };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // Identity providers such as Entra ID put the email claims in the ID token, which is what
  // Casemark reads (idToken: true).
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['casemark-e2e-oidc-cookie-key'] },
});
provider.proxy = false;

provider.listen(port, '127.0.0.1', () => {
  console.log(`Test OpenID Connect provider at ${issuer}`);
});
