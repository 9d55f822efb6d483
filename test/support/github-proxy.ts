// A loopback HTTP front for the in-process GitHub model (github-model.ts).
// msw only intercepts requests made inside the test process, so subprocesses
// (a bootstrap, the controller it spawns) cannot reach the model directly: they
// are pointed at this proxy instead (--github-api-url / GITHUB_API_URL
// http://127.0.0.1:<port>), which replays every request with fetch() against
// GITHUB_API inside the test process, where msw answers it, and streams the
// answer back (status, headers, body).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GITHUB_API } from './github-model.js';

export interface GithubProxy {
  /** Base URL for --github-api-url / GITHUB_API_URL, e.g. http://127.0.0.1:41234. */
  url: string;
  port: number;
  /** Requests forwarded so far (method and path with query), oldest first. */
  forwarded: Array<{ method: string; path: string; status: number }>;
  close(): Promise<void>;
}

/** Hop-by-hop headers and those fetch() sets itself: never forwarded. */
const REQUEST_SKIP = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'expect',
]);
/** fetch() has already decoded the body, so its framing and encoding headers no longer apply. */
const RESPONSE_SKIP = new Set([
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'content-encoding',
]);

function requestHeaders(headers: IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || REQUEST_SKIP.has(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.append(name, v);
  }
  return out;
}

/** Starts the proxy on 127.0.0.1 (a free port) in front of `target` (default: the model's GITHUB_API). */
export async function startGithubProxy(target: string = GITHUB_API): Promise<GithubProxy> {
  const base = target.replace(/\/+$/, '');
  const forwarded: GithubProxy['forwarded'] = [];
  const server = createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body =
        method === 'GET' || method === 'HEAD' || chunks.length === 0 ? undefined : Buffer.concat(chunks);
      const upstream = await fetch(`${base}${path}`, {
        method,
        headers: requestHeaders(req.headers),
        body,
        redirect: 'manual',
      });
      forwarded.push({ method, path, status: upstream.status });
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of upstream.headers) {
        if (RESPONSE_SKIP.has(name)) continue;
        if (name === 'set-cookie') headers[name] = upstream.headers.getSetCookie();
        else headers[name] = value;
      }
      res.writeHead(upstream.status, upstream.statusText, headers);
      if (upstream.body && method !== 'HEAD') {
        for await (const chunk of upstream.body) res.write(chunk);
      }
      res.end();
    } catch (err) {
      forwarded.push({ method, path, status: 502 });
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `github-proxy: ${(err as Error).message}` }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        // Keep-alive sockets of the subprocesses' HTTP clients would hold close() open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
