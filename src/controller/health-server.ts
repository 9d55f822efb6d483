// The controller's local HTTP endpoints on 127.0.0.1: GET /healthz (liveness: 200
// while the event consumer runs, 503 once it died, so a supervisor restarts it), GET /readyz (200 when NATS is connected and the consumer runs, with
// details such as GitHub readiness), GET /metrics (Prometheus text format).
import { createServer, type Server } from 'node:http';
import type { MetricsRegistry } from './metrics.js';

export interface Readiness {
  ready: boolean;
  details: Record<string, unknown>;
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export async function startHealthServer(opts: {
  port: number;
  host?: string;
  metrics: MetricsRegistry;
  readiness: () => Readiness;
  /** Liveness; default: always alive. */
  liveness?: () => Readiness;
}): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    if (path === '/healthz') {
      const l = opts.liveness?.() ?? { ready: true, details: {} };
      res
        .writeHead(l.ready ? 200 : 503, { 'content-type': 'application/json' })
        .end(`${JSON.stringify({ ok: l.ready, ...l.details })}\n`);
    } else if (path === '/readyz') {
      const r = opts.readiness();
      res
        .writeHead(r.ready ? 200 : 503, { 'content-type': 'application/json' })
        .end(`${JSON.stringify({ ready: r.ready, ...r.details })}\n`);
    } else if (path === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(opts.metrics.render());
    } else {
      res.writeHead(404).end();
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
