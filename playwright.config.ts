import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DB_PORT = Number(process.env.E2E_DB_PORT ?? 54339);
// Per port, so two runs side by side (E2E_PORT, E2E_DB_PORT) never share a database.
const DATA_DIR = path.resolve('.data', `e2e-${PORT}`);
// Debian's chromium where installed (CI installs it); Playwright's own browser elsewhere.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export const E2E = {
  baseURL: `http://localhost:${PORT}`,
  databaseUrl: `postgresql://casemark:casemark-local@127.0.0.1:${DB_PORT}/casemark`,
};

/** A real OpenID Connect provider for the single sign-on tests, started by e2e/oidc/global-setup.ts. */
export const E2E_OIDC = {
  port: Number(process.env.E2E_OIDC_PORT ?? PORT + 2000),
  issuer: `http://127.0.0.1:${Number(process.env.E2E_OIDC_PORT ?? PORT + 2000)}`,
  redirectUri: `http://localhost:${PORT}/api/auth/callback/oidc`,
  name: 'Test Identity Provider',
  clientId: 'casemark-e2e',
  clientSecret: 'casemark-e2e-client-secret',
};

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/oidc/global-setup.ts',
  forbidOnly: Boolean(process.env.CI),
  // Test by test, not file by file: every test makes its own world (e2e/fixtures/world.ts), and a
  // long file (set-up, ~130 s) no longer leaves one worker idle at the end (docs/performance.md).
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: E2E.baseURL,
    trace: process.env.CI ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        }
      : undefined,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // A fresh embedded database for every run, then the production build.
    command: `node -e "require('fs').rmSync(process.argv[1],{recursive:true,force:true})" ${DATA_DIR} && npx tsx scripts/start.ts`,
    url: `${E2E.baseURL}/sign-in`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      CASEMARK_DB_PORT: String(DB_PORT),
      CASEMARK_DATA_DIR: DATA_DIR,
      NEXTAUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      // Each test comes from its own X-Forwarded-For address (e2e/fixtures/test.ts).
      CASEMARK_TRUSTED_PROXIES: '1',
      DATABASE_URL: '',
      CASEMARK_OIDC_ISSUER: E2E_OIDC.issuer,
      CASEMARK_OIDC_CLIENT_ID: E2E_OIDC.clientId,
      CASEMARK_OIDC_CLIENT_SECRET: E2E_OIDC.clientSecret,
      CASEMARK_OIDC_NAME: E2E_OIDC.name,
    },
  },
});
