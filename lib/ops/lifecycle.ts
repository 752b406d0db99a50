/**
 * The app's part of running in production, installed once at start-up (instrumentation.ts):
 * a log line per request (lib/ops/logger.ts), the metrics port (lib/ops/metrics.ts), and the
 * steps of a graceful stop that scripts/serve.mjs — which receives SIGTERM and owns the HTTP
 * server — calls: begin draining, then close the database pool and the LISTEN connection.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { prisma } from '@/lib/db/client';
import { inspectionChanges } from '@/lib/realtime/listener';
import { beginDrain } from './drain';
import { appLog } from './logger';
import { metrics } from './metrics';
import { requestIdFrom, routeOf } from './request-log';

interface ServeRegistry {
  servers: Set<http.Server>;
  onServer?: (server: http.Server) => void;
  app?: { beginDrain(): void; closeResources(): Promise<void> };
}

const INTERNAL = Symbol.for('casemark.internal');

/** One line per request in the JSON log only: the short text format (npm start) stays readable. */
const isRequestLogged = () => process.env.CASEMARK_LOG_FORMAT === 'json';

function attachRequestLog(server: http.Server): void {
  server.prependListener('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const startedAt = performance.now();
    const requestId = requestIdFrom(request.headers['x-request-id'], randomUUID);
    response.setHeader('X-Request-Id', requestId);
    response.once('close', () => {
      const ms = performance.now() - startedAt;
      const status = response.headersSent ? response.statusCode : 0;
      metrics().httpSeconds.observe({ method: request.method ?? '', status: `${Math.floor(status / 100)}xx` }, ms / 1000);
      if (!isRequestLogged()) return;
      appLog().info('request', {
        requestId,
        method: request.method,
        route: routeOf(request.url ?? '/'),
        status,
        durationMs: Math.round(ms),
      });
    });
  });
}

function startMetricsServer(port: number): http.Server {
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || routeOf(request.url ?? '') !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    metrics()
      .registry.metrics()
      .then(
        (text) => response.writeHead(200, { 'Content-Type': metrics().registry.contentType }).end(text),
        (error: unknown) => {
          appLog().error('metrics: could not collect', { error: error instanceof Error ? error.message : String(error) });
          response.writeHead(500).end();
        },
      );
  });
  (server as unknown as Record<symbol, boolean>)[INTERNAL] = true;
  server.on('error', (error) => appLog().error('metrics: could not listen', { port, error: error.message }));
  server.listen(port, process.env.CASEMARK_METRICS_HOST || '0.0.0.0');
  server.unref();
  return server;
}

export function installOps(): void {
  const registry = (globalThis as unknown as Record<symbol, ServeRegistry | undefined>)[Symbol.for('casemark.serve')];
  const port = Number(process.env.CASEMARK_METRICS_PORT ?? '');
  const metricsServer = port > 0 && Number.isInteger(port) ? startMetricsServer(port) : null;
  // Without scripts/serve.mjs (`next dev`) there is no server to log for, and Next.js stops itself.
  if (!registry) return;
  registry.app = {
    beginDrain,
    closeResources: async () => {
      metricsServer?.close();
      await Promise.all([inspectionChanges.close(), prisma.$disconnect()]);
    },
  };
  for (const server of registry.servers) attachRequestLog(server);
  registry.onServer = attachRequestLog;
}
