// The fetch octokit uses, over node:http/https: the subset octokit's request
// needs (method, headers, string/bytes body, AbortSignal, redirects; a response
// with status, url, iterable headers, text/json/arrayBuffer). Node's global
// fetch (undici) compiles its WebAssembly HTTP parser on the first response,
// which raised the controller's peak memory by ~20 MB for nothing it needs.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

export interface FetchedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly url: string;
  readonly headers: ResponseHeaders;
  readonly body: null;
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Lower-case header names; get() joins repeated values as fetch does. */
export class ResponseHeaders implements Iterable<[string, string]> {
  private readonly map = new Map<string, string>();

  constructor(init: Record<string, string | string[] | undefined> = {}) {
    for (const [k, v] of Object.entries(init)) {
      if (v !== undefined) this.map.set(k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v);
    }
  }

  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }

  [Symbol.iterator]() {
    return this.map.entries();
  }
}

/** A response built in memory (natsgh's own answers, e.g. a request past its deadline). */
export function syntheticResponse(
  status: number,
  body: string,
  headers: Record<string, string> = {},
  url = '',
): FetchedResponse {
  const bytes = Buffer.from(body);
  return {
    status,
    statusText: '',
    ok: status >= 200 && status < 300,
    url,
    headers: new ResponseHeaders(headers),
    body: null,
    text: async () => bytes.toString('utf8'),
    json: async () => JSON.parse(bytes.toString('utf8')),
    arrayBuffer: async () =>
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

type HeadersLike = Record<string, string> | Iterable<[string, string]> | undefined;

function plainHeaders(h: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  const entries =
    typeof (h as Iterable<[string, string]>)[Symbol.iterator] === 'function'
      ? [...(h as Iterable<[string, string]>)]
      : Object.entries(h as Record<string, string>);
  for (const [k, v] of entries) if (v !== undefined) out[k.toLowerCase()] = String(v);
  return out;
}

// Errors here keep fetch's contract (TypeError, AbortError): octokit wraps them, describeGithubError names them.
function bodyBytes(body: unknown): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  throw new TypeError('httpFetch sends strings and bytes only');
}

function once(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: Buffer | undefined,
  signal?: AbortSignal,
) {
  return new Promise<IncomingMessage>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new DOMException('This operation was aborted', 'AbortError'));
      return;
    }
    // Looked up at each call (not bound at import), so interceptors that patch the modules see it.
    const send = url.protocol === 'https:' ? https.request : http.request;
    const agent = agents[url.protocol as 'http:' | 'https:'];
    if (!agent) {
      reject(new TypeError(`unsupported protocol ${url.protocol}`));
      return;
    }
    const req = send(url, {
      method,
      agent,
      headers: { ...headers, ...(body ? { 'content-length': String(body.byteLength) } : {}) },
      signal,
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end(body);
  });
}

async function readAll(res: IncomingMessage, signal?: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const abort = () => res.destroy(signal?.reason ?? new Error('aborted'));
  signal?.addEventListener('abort', abort, { once: true });
  try {
    for await (const chunk of res) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

/** fetch() for octokit over node:http/https (follows up to 5 redirects). */
export async function httpFetch(
  input: string | URL | { url: string },
  init: { method?: string; headers?: HeadersLike; body?: unknown; signal?: AbortSignal | null } = {},
): Promise<FetchedResponse> {
  let url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  let method = (init.method ?? 'GET').toUpperCase();
  const headers = plainHeaders(init.headers);
  let body = bodyBytes(init.body);
  const signal = init.signal ?? undefined;
  for (let hop = 0; ; hop++) {
    const res = await once(url, method, headers, body, signal);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if ([301, 302, 303, 307, 308].includes(status) && location && hop < 5) {
      res.resume();
      const next = new URL(location, url);
      if (next.origin !== url.origin) delete headers.authorization;
      if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      url = next;
      continue;
    }
    const bytes = await readAll(res, signal);
    const response = syntheticResponse(status, '', {}, url.href);
    return {
      ...response,
      statusText: res.statusMessage ?? '',
      headers: new ResponseHeaders(res.headers as Record<string, string | string[] | undefined>),
      text: async () => bytes.toString('utf8'),
      json: async () => JSON.parse(bytes.toString('utf8')),
      arrayBuffer: async () =>
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    };
  }
}
