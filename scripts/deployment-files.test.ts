import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Docker is not run by the tests: these keep the image, compose and proxy files in step with what
// the tests do run — scripts/serve.mjs on the standalone build (tests/integration/ops-server.int.test.ts).
const root = path.join(__dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('the deployment files', () => {
  const dockerfile = read('Dockerfile');
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('start the image as the tests start the server, as a non-root user, with a health check', () => {
    expect(runtime).toContain('CMD ["node", "scripts/serve.mjs"]');
    expect(runtime).toMatch(/^USER casemark$/m);
    expect(runtime).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
    expect(runtime).toContain('STOPSIGNAL SIGTERM');
    // What scripts/lib/build.ts copies into the standalone folder after `next build`.
    expect(dockerfile).toContain('cp -r .next/static .next/standalone/.next/static');
    expect(dockerfile).toContain('cp -r public .next/standalone/public');
    expect(read('scripts/lib/build.ts')).toMatch(/cpSync\(path\.join\(root, '\.next', 'static'\)/);
    expect((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts['start:standalone']).toBe(
      'node scripts/serve.mjs',
    );
  });

  it('give a stop more time than the server takes to drain, and balance on readiness', () => {
    const compose = read('compose.yaml');
    const grace = Number(/stop_grace_period: (\d+)s/.exec(compose)?.[1]);
    const drain = Number(/CASEMARK_SHUTDOWN_SECONDS: '(\d+)'/.exec(compose)?.[1]);
    expect(grace).toBeGreaterThan(drain);
    expect(compose).toContain('image: postgres:18');
    expect(compose).toMatch(/^ {2}app1: \*app$/m);
    expect(compose).toMatch(/^ {2}app2: \*app$/m);
    expect(compose).toContain('target: migrate');
    expect(read('deploy/Caddyfile')).toContain('health_uri /readyz');
  });
});
