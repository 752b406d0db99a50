import { z } from 'zod';

/**
 * Configuration, validated once at start-up: a missing or weak secret fails loudly here rather
 * than at the first sign-in.
 */
export const ZServerEnv = z.object({
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is required (npm start sets it for the embedded PostgreSQL)' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL'),
  NEXTAUTH_SECRET: z
    .string({ error: 'NEXTAUTH_SECRET is required (npm start generates one for local use)' })
    .min(32, 'NEXTAUTH_SECRET must be at least 32 characters'),
  NEXTAUTH_URL: z.url().optional(),
  /** Session length in hours: a working day by default. */
  CASEMARK_SESSION_HOURS: z.coerce.number().int().min(1).max(24).default(10),
  /** Proxies in front of the app that append to X-Forwarded-For (for per-address throttling). */
  CASEMARK_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(5).default(0),
  /** OpenID Connect single sign-on: the issuer URL (its /.well-known/openid-configuration is read). Off when unset. */
  CASEMARK_OIDC_ISSUER: z.preprocess(
    blankToUndefined,
    z.url({ protocol: /^https?$/, error: 'CASEMARK_OIDC_ISSUER must be the http(s) URL of your identity provider' }).optional(),
  ),
  CASEMARK_OIDC_CLIENT_ID: z.preprocess(blankToUndefined, z.string().max(500).optional()),
  CASEMARK_OIDC_CLIENT_SECRET: z.preprocess(blankToUndefined, z.string().max(2000).optional()),
  /** The provider's name on the sign-in button: "Sign in with <name>". */
  CASEMARK_OIDC_NAME: z.preprocess(blankToUndefined, z.string().max(60, 'CASEMARK_OIDC_NAME must be 60 characters or fewer').optional()),
});
export type TServerEnv = z.infer<typeof ZServerEnv>;

function blankToUndefined(value: unknown) {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/** Single sign-on needs all three of issuer, client id and secret, or none. */
export const ZServerEnvChecked = ZServerEnv.superRefine((env, ctx) => {
  const oidc = [env.CASEMARK_OIDC_ISSUER, env.CASEMARK_OIDC_CLIENT_ID, env.CASEMARK_OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    ctx.addIssue({
      code: 'custom',
      path: ['CASEMARK_OIDC_ISSUER'],
      message: 'set all three of CASEMARK_OIDC_ISSUER, CASEMARK_OIDC_CLIENT_ID and CASEMARK_OIDC_CLIENT_SECRET for single sign-on, or none',
    });
  }
});

let cached: TServerEnv | undefined;

export function getServerEnv(): TServerEnv {
  if (cached) return cached;
  const parsed = ZServerEnvChecked.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Casemark configuration is invalid:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** The single sign-on settings when all are set, else null (password sign-in only). */
export function getOidcConfig(env: TServerEnv = getServerEnv()) {
  if (!env.CASEMARK_OIDC_ISSUER || !env.CASEMARK_OIDC_CLIENT_ID || !env.CASEMARK_OIDC_CLIENT_SECRET) return null;
  return {
    issuer: env.CASEMARK_OIDC_ISSUER,
    clientId: env.CASEMARK_OIDC_CLIENT_ID,
    clientSecret: env.CASEMARK_OIDC_CLIENT_SECRET,
    name: env.CASEMARK_OIDC_NAME ?? 'your organisation’s account',
  };
}
