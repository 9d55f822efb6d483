// A plain HTTP GET for natsgh's own loopback endpoints (nats-server monitoring,
// the controller's /healthz). node:http instead of fetch: the first fetch in a
// process loads Node's bundled undici and compiles its WebAssembly HTTP parser,
// ~100 ms of CPU that a no-op `natsgh bootstrap` paid on every run (measured
// here: first fetch 120 ms, http.get 23 ms, against the same /healthz).
import { request } from 'node:http';

export interface LoopbackResponse {
  status: number;
  body: string;
}

/** GETs `url`; rejects on a connection error or when no full answer came within timeoutMs. */
export function loopbackGet(url: string, timeoutMs = 1000): Promise<LoopbackResponse> {
  return loopbackRequest(url, { method: 'GET', timeoutMs });
}

/** Sends a request without a body (POST /shutdown) to a loopback endpoint; same bounds as loopbackGet. */
export function loopbackRequest(
  url: string,
  opts: { method: string; headers?: Record<string, string>; timeoutMs?: number },
): Promise<LoopbackResponse> {
  const timeoutMs = opts.timeoutMs ?? 1000;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: opts.method, headers: opts.headers, timeout: timeoutMs, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    // `timeout` covers an idle socket; the deadline also bounds a slow trickle. Like node's own
    // socket errors, it reaches callers that take any failure as "not answering".
    const fail = () => req.destroy(new Error(`${opts.method} ${url} timed out after ${timeoutMs} ms`));
    const deadline = setTimeout(fail, timeoutMs);
    deadline.unref();
    req.on('timeout', fail);
    req.on('error', (err) => {
      clearTimeout(deadline);
      reject(err);
    });
    req.on('close', () => clearTimeout(deadline));
    req.end();
  });
}
