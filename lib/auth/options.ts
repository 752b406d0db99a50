import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import { encode } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { prisma } from '@/lib/db/client';
import { getOidcConfig, getServerEnv } from '@/lib/env';
import { socketAddress } from '@/lib/net/socket-address';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S, issueDeviceCookie, verifyDeviceCookie } from './device-cookie';
import { matchOidcUser } from './oidc';
import { safeCallbackUrl } from './safe-callback';
import { endSession, findLiveSession, startSession } from './sessions';
import { attemptSignIn } from './sign-in';
import { clientAddress } from './throttle';

let cached: NextAuthOptions | undefined;

/** The id of the single sign-on provider in next-auth's URLs (/api/auth/signin/oidc). */
export const OIDC_PROVIDER_ID = 'oidc';

/** next-auth's options, built on first use from the validated configuration. */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getServerEnv();
  const oidc = getOidcConfig(env);
  const maxAge = env.CASEMARK_SESSION_HOURS * 60 * 60;
  const isSecure = env.NEXTAUTH_URL?.startsWith('https://') ?? false;
  cached = {
    secret: env.NEXTAUTH_SECRET,
    // A working day: inspectors sign in each morning of fieldwork week. The session's end is
    // absolute (user_sessions.expires_at): nothing extends it.
    session: { strategy: 'jwt', maxAge },
    jwt: {
      maxAge,
      // The token's expiry is the session's absolute end, however often it is re-encoded.
      async encode(params) {
        const endsAt = params.token?.sessionExpiresAt;
        if (typeof endsAt !== 'number') return encode(params);
        const remaining = Math.floor((endsAt - Date.now()) / 1000);
        return encode({ ...params, maxAge: Math.max(1, Math.min(remaining, maxAge)) });
      },
    },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email address', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          const jar = await cookies();
          const device = jar.get(DEVICE_COOKIE)?.value;
          const result = await attemptSignIn(prisma, credentials, {
            // Behind trusted proxies the address they appended; with none, the socket's.
            address:
              env.CASEMARK_TRUSTED_PROXIES > 0 ? clientAddress(req?.headers, env.CASEMARK_TRUSTED_PROXIES) : socketAddress(req?.headers),
            deviceFor: (email) => verifyDeviceCookie(env.NEXTAUTH_SECRET, email, device),
          });
          if (result.ok) {
            // OWASP device cookie: this browser is now trusted for this account (a new nonce each time).
            jar.set(DEVICE_COOKIE, issueDeviceCookie(env.NEXTAUTH_SECRET, result.user.email), {
              httpOnly: true,
              sameSite: 'lax',
              secure: isSecure,
              path: '/api/auth',
              maxAge: DEVICE_COOKIE_MAX_AGE_S,
            });
            return { id: result.user.id, email: result.user.email, name: result.user.name };
          }
          // The message reaches the sign-in form as `error` (with the wait when throttled).
          throw new Error(result.code === 'throttled' ? `throttled:${Math.ceil(result.retryAfterMs / 1000)}` : result.code);
        },
      }),
      ...(oidc
        ? [
            {
              id: OIDC_PROVIDER_ID,
              name: oidc.name,
              type: 'oauth' as const,
              wellKnown: `${oidc.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
              issuer: oidc.issuer,
              clientId: oidc.clientId,
              clientSecret: oidc.clientSecret,
              authorization: { params: { scope: 'openid email profile' } },
              idToken: true,
              checks: ['pkce' as const, 'state' as const],
              // Only what matching needs: the account itself comes from Casemark (matchOidcUser).
              profile(profile: { sub: string; email?: string; name?: string }) {
                return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? null };
              },
            },
          ]
        : []),
    ],
    // next-auth's own sign-out (GET/POST /api/auth/signout, and `signOut()` from next-auth/react,
    // which the Sign out button uses) deletes the cookie; this ends the server-side session too,
    // so a copied cookie opens nothing afterwards (issue 20).
    events: {
      async signOut({ token }) {
        await endSession(prisma, (token as { sid?: unknown } | null)?.sid, 'sign_out');
      },
    },
    callbacks: {
      // Only ever to a page of this site, and never a throw on a URL that does not parse (next-auth's own would: issue 21).
      redirect({ url, baseUrl }) {
        return Promise.resolve(`${baseUrl}${safeCallbackUrl(url)}`);
      },
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const match = await matchOidcUser(prisma, profile);
        // Refused with a message on the sign-in page (lib/auth/sign-in-messages.ts).
        return match.ok ? true : `/sign-in?error=${match.code}`;
      },
      async jwt({ token, user, account, profile }) {
        if (user) {
          // Signing in: a new server-side session whose id travels in the token.
          let userId = user.id;
          if (account?.provider === OIDC_PROVIDER_ID) {
            const match = await matchOidcUser(prisma, profile);
            if (!match.ok) throw new Error(match.code);
            userId = match.user.id;
            token.name = match.user.name;
            token.email = match.user.email;
          }
          const session = await startSession(
            prisma,
            userId,
            account?.provider === OIDC_PROVIDER_ID ? 'oidc' : 'password',
            env.CASEMARK_SESSION_HOURS,
          );
          token.sub = userId;
          token.sid = session.id;
          token.sessionExpiresAt = session.expiresAt.getTime();
          return token;
        }
        // Any later use of the token by next-auth: only a live session keeps it (next-auth then
        // answers with an empty session and deletes the cookie).
        if (!(await findLiveSession(prisma, token.sid))) throw new Error('Session ended');
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        if (typeof token.sessionExpiresAt === 'number') session.expires = new Date(token.sessionExpiresAt).toISOString();
        return session;
      },
    },
  };
  return cached;
}
