// Chooses the state backend type for a module: `-backend-config` can fill in a backend's
// settings but not its type, so natsgh writes an override file when the module declares another.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKEND_OVERRIDE_FILE, declaredBackend } from './module-files.js';
import type { TerraformOptions } from './options.js';

/** Makes `dir` use `backend`; returns the override file written, or undefined when none is needed. */
export function selectBackend(
  dir: string,
  backend: TerraformOptions['backend'],
  backendConfig: Record<string, string>,
): string | undefined {
  const file = join(dir, BACKEND_OVERRIDE_FILE);
  const declared = declaredBackend(dir);
  // Without a backend block terraform uses local state but rejects -backend-config.
  const needed =
    declared === undefined
      ? backend !== 'local' || Object.keys(backendConfig).length > 0
      : declared !== backend;
  if (!needed) {
    if (existsSync(file)) rmSync(file);
    return undefined;
  }
  const content = `# Written by natsgh (--tf-backend ${backend}); replaces the backend type declared in backend.tf.\nterraform {\n  backend "${backend}" {}\n}\n`;
  if (!existsSync(file) || readFileSync(file, 'utf8') !== content) writeFileSync(file, content);
  return file;
}
