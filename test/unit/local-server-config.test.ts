import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type LocalServerSpec, renderServerConfig } from '../../src/provision/local-server.js';

const dir = mkdtempSync(join(tmpdir(), 'natsgh-conf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: LocalServerSpec = {
  deployment: 'd',
  serverName: 'd-n1',
  port: 4223,
  monitorPort: 8223,
  dir: join(dir, 'd-n1'),
  portFlags: { port: '--nats-port', monitorPort: '--monitor-port' },
};

describe('nats-server config rendering', () => {
  it('renders server name, loopback ports, store, domain, TLS and cluster routes', async () => {
    const text = await renderServerConfig({
      ...base,
      jetstreamDomain: 'edge',
      tls: { cert: '/t/server.pem', key: '/t/server-key.pem', ca: '/t/ca.pem', verify: true },
      cluster: { name: 'natsgh-d', port: 4323, routePorts: [4322, 4323, 4324] },
    });
    expect(text).toContain('server_name: "d-n1"');
    expect(text).toContain('port: 4223');
    expect(text).toContain('http: "127.0.0.1:8223"');
    expect(text).toContain(`store_dir: ${JSON.stringify(join(base.dir, 'jetstream'))}`);
    expect(text).toContain('domain: "edge"');
    expect(text).toMatch(
      /tls \{\s+cert_file: "\/t\/server.pem"\s+key_file: "\/t\/server-key.pem"\s+ca_file: "\/t\/ca.pem"\s+verify: true/,
    );
    expect(text).toContain('listen: "127.0.0.1:4323"');
    for (const p of [4322, 4323, 4324]) expect(text).toContain(`"nats-route://127.0.0.1:${p}"`);
    expect(await renderServerConfig({ ...base })).not.toMatch(/domain|tls|cluster \{/);
  });

  it('quotes Windows paths so the server reads them back', async () => {
    const text = await renderServerConfig({ ...base, dir: 'C:\\Users\\me\\.natsgh\\nats' });
    // A backslash is an escape inside nats-server's double-quoted strings, so each one is doubled.
    expect(text).toContain('store_dir: "C:\\\\Users\\\\me\\\\.natsgh\\\\nats');
  });

  it('produces a config nats-server accepts (nats-server -t)', async () => {
    const file = join(dir, 'server.conf');
    writeFileSync(
      file,
      await renderServerConfig({
        ...base,
        cluster: { name: 'natsgh-d', port: 4323, routePorts: [4322, 4323] },
      }),
    );
    expect(() =>
      execFileSync('nats-server', ['-t', '-c', file], { stdio: 'pipe', timeout: 10_000 }),
    ).not.toThrow();
  });
});
