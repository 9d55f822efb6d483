// The layering of issue 13, held by the tree itself: no module of src/ imports a
// layer above its own and no phase file imports another (scripts/layers.mjs has
// the layers); and the scan sees every form of import, so a pass means something.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layerReport } from '../../scripts/layers.mjs';

const SRC = resolve(import.meta.dirname, '../../src');

describe('layers of src/', () => {
  it('has no upward import and no phase importing another', () => {
    const r = layerReport(SRC);
    expect(r.imports).toBeGreaterThan(500);
    expect(r.unranked).toEqual([]);
    expect([...r.upward, ...r.phaseToPhase]).toEqual([]);
  });
});

describe('layerReport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'natsgh-layers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const tree: Record<string, string> = {
    'errors.ts': 'export class UsageError extends Error {}\n',
    // Upward, one of each form.
    'config/load.ts': "import { closestMatch } from '../cli/suggest.js';\n",
    'github/client.ts': "import type { MetricsRegistry } from '../controller/metrics.js';\n",
    'render/generate.ts':
      "export async function g() {\n  const { regenerateRepository } = await import(\n    '../controller/regenerate.js',\n  );\n}\n",
    'system/binary.ts': "import '../config/keys.js';\n",
    'nats/auth.ts': 'export { parseWebhookSecrets } from "../webhook/secrets.js";\n',
    'events/sink.ts': "type S = typeof import('../services/bootstrap.js');\n",
    'workflow/runner.ts': "const m = await import('../provision/index.js', { with: {} });\n",
    // Downward or shared: not reported.
    'services/status.ts':
      "import { PHASES } from '../phases/list.js';\nimport { UsageError } from '../errors';\nexport * from '../nats/auth.js';\n",
    'phases/validate.ts':
      "import { a } from './generate-files.js';\nimport { PHASES } from './list.js';\nimport { b } from '../render/render.js';\n",
    'misc/thing.ts': "import { UsageError } from '../errors.js';\n",
  };
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }

  it('finds static, type-only, bare, re-exported, dynamic and typeof imports that go up', () => {
    const r = layerReport(dir);
    expect(r.upward.sort()).toEqual([
      'config/load.ts -> cli/suggest.ts (config -> cli)',
      'events/sink.ts -> services/bootstrap.ts (domain libraries -> services)',
      'github/client.ts -> controller/metrics.ts (domain libraries -> runtimes and adapters)',
      'nats/auth.ts -> webhook/secrets.ts (domain libraries -> runtimes and adapters)',
      'render/generate.ts -> controller/regenerate.ts (domain libraries -> runtimes and adapters)',
      'system/binary.ts -> config/keys.ts (infrastructure -> config)',
      'workflow/runner.ts -> provision/index.ts (infrastructure -> runtimes and adapters)',
    ]);
    expect(r.phaseToPhase).toEqual(['phases/validate.ts -> phases/generate-files.ts']);
    expect(r.unranked).toEqual(['misc']);
    expect(r.imports).toBe(14);
  });
});
