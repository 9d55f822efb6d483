// The controller's local HTTP endpoints on 127.0.0.1: GET /healthz (liveness: 200
// while the event consumer runs, 503 once it died, so a supervisor restarts it),
// GET /readyz (200 when NATS is connected and the consumer runs, with details such
// as GitHub readiness), GET /metrics (Prometheus text format), and POST /shutdown
// with the bearer token natsgh gave the controller (how it is stopped gracefully on
// Windows, which has no SIGTERM).
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { MetricsRegistry } from './metrics.js';

export interface Readiness {
  ready: boolean;
  details: Record<string, unknown>;
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export interface ShutdownRequest {
  token: string;
  onRequest: () => void;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Compares digests in constant time, so the token's length and prefix do not leak. */
function bearerMatches(req: IncomingMessage, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  return m !== null && token.length > 0 && timingSafeEqual(digest(m[1]), digest(token));
}

export async function startHealthServer(opts: {
  port: number;
  host?: string;
  metrics: MetricsRegistry;
  readiness: () => Readiness;
  /** Liveness; default: always alive. */
  liveness?: () => Readiness;
  /** Enables POST /shutdown for a caller presenting this token (absent: 404). */
  shutdown?: ShutdownRequest;
}): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/shutdown' && opts.shutdown) {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
      } else if (!bearerMatches(req, opts.shutdown.token)) {
        res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      } else {
        const shutdown = opts.shutdown;
        res.writeHead(202, { 'content-type': 'application/json', connection: 'close' });
        res.end('{"ok":true,"stopping":true}\n', () => shutdown.onRequest());
      }
      req.resume();
      return;
    }
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
