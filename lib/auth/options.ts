import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { prisma } from '@/lib/db/client';
import { getServerEnv } from '@/lib/env';
import { attemptSignIn } from './sign-in';
import { clientAddress } from './throttle';

let cached: NextAuthOptions | undefined;

/** next-auth's options, built on first use from the validated configuration. */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getServerEnv();
  cached = {
    secret: env.NEXTAUTH_SECRET,
    // A working day: inspectors sign in each morning of fieldwork week.
    session: { strategy: 'jwt', maxAge: env.CASEMARK_SESSION_HOURS * 60 * 60 },
    jwt: { maxAge: env.CASEMARK_SESSION_HOURS * 60 * 60 },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email address', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          const result = await attemptSignIn(prisma, credentials, clientAddress(req?.headers, env.CASEMARK_TRUSTED_PROXIES));
          if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
          // The message reaches the sign-in form as `error`.
          throw new Error(result.code);
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          // To the millisecond, so a password reset ends exactly the sessions issued before it.
          token.issuedAtMs = Date.now();
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
  return cached;
}
