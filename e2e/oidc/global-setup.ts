import { spawn } from 'node:child_process';
import path from 'node:path';
import { E2E_OIDC } from '../../playwright.config';

/** Starts the test OpenID Connect provider (./test-provider.mjs) for the run; stops it after. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, [path.join(__dirname, 'test-provider.mjs')], {
    env: {
      ...process.env,
      OIDC_PORT: String(E2E_OIDC.port),
      OIDC_CLIENT_ID: E2E_OIDC.clientId,
      OIDC_CLIENT_SECRET: E2E_OIDC.clientSecret,
      OIDC_REDIRECT_URI: E2E_OIDC.redirectUri,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The test OpenID Connect provider stopped:\n${output}`);
    const isUp = await fetch(`${E2E_OIDC.issuer}/.well-known/openid-configuration`).then(
      (r) => r.ok,
      () => false,
    );
    if (isUp) break;
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`The test OpenID Connect provider did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return async () => {
    child.kill();
  };
}
