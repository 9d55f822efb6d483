// A plain HTTP GET for natsgh's own loopback endpoints (nats-server monitoring,
// the controller's /healthz). node:http instead of fetch: the first fetch in a
// process loads Node's bundled undici and compiles its WebAssembly HTTP parser,
// ~100 ms of CPU that a no-op `natsgh bootstrap` paid on every run (measured
// here: first fetch 120 ms, http.get 23 ms, against the same /healthz).
import { get } from 'node:http';

export interface LoopbackResponse {
  status: number;
  body: string;
}

/** GETs `url`; rejects on a connection error or when no full answer came within timeoutMs. */
export function loopbackGet(url: string, timeoutMs = 1000): Promise<LoopbackResponse> {
  return new Promise((resolve, reject) => {
    const req = get(url, { timeout: timeoutMs, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    // `timeout` covers an idle socket; the deadline also bounds a slow trickle.
    const deadline = setTimeout(
      () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)),
      timeoutMs,
    );
    deadline.unref();
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    req.on('error', (err) => {
      clearTimeout(deadline);
      reject(err);
    });
    req.on('close', () => clearTimeout(deadline));
  });
}
