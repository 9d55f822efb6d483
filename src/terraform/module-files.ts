// Reads a Terraform module directory the way natsgh needs it, without running
// terraform: a content hash of its configuration, its sensitive variables, its declared backend.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The override file natsgh writes to choose the backend type; not part of the user's configuration. */
export const BACKEND_OVERRIDE_FILE = 'natsgh_backend_override.tf';

const CONFIG_FILE = /\.(tf|tf\.json|tfvars|tfvars\.json)$/;
const SKIPPED_DIRS = new Set(['.terraform', '.git', 'node_modules']);

/** Relative paths (forward slashes, sorted) of every configuration file under `dir`, modules included. */
export function listConfigFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(p);
      } else if (CONFIG_FILE.test(entry.name) && entry.name !== BACKEND_OVERRIDE_FILE) {
        files.push(relative(dir, p).split(sep).join('/'));
      }
    }
  };
  walk(dir);
  return files.sort();
}

/** sha256 of each configuration file's content, by relative path: changes to any .tf file change the phase's inputs. */
export function configFileDigests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of listConfigFiles(dir)) {
    out[file] = createHash('sha256')
      .update(readFileSync(join(dir, file)))
      .digest('hex');
  }
  return out;
}

/** The body of each `variable "name" { ... }` block in the root module's .tf files. */
function variableBlocks(dir: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const file of listConfigFiles(dir)) {
    if (file.includes('/') || !file.endsWith('.tf')) continue;
    const text = stripComments(readFileSync(join(dir, file), 'utf8'));
    const header = /\bvariable\s+"([^"]+)"\s*\{/g;
    for (let m = header.exec(text); m; m = header.exec(text)) {
      const body = blockBody(text, m.index + m[0].length);
      blocks.set(m[1], body);
      header.lastIndex = m.index + m[0].length + body.length;
    }
  }
  return blocks;
}

/** Root-module variables declared `sensitive = true`. */
export function sensitiveVariables(dir: string): Set<string> {
  const names = new Set<string>();
  for (const [name, body] of variableBlocks(dir)) {
    if (/^\s*sensitive\s*=\s*true\b/m.test(body)) names.add(name);
  }
  return names;
}

/** The backend type the module's own files declare (override file excluded), or undefined. */
export function declaredBackend(dir: string): string | undefined {
  for (const file of listConfigFiles(dir)) {
    if (file.includes('/') || !file.endsWith('.tf')) continue;
    const m = /\bbackend\s+"([^"]+)"/.exec(stripComments(readFileSync(join(dir, file), 'utf8')));
    if (m) return m[1];
  }
  return undefined;
}

/** Text from just after an opening brace up to its matching close brace (strings respected). */
function blockBody(text: string, start: number): string {
  let depth = 1;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start, i);
  }
  return text.slice(start);
}

/** Removes `#`, `//` and block comments outside strings, so commented-out settings do not count. */
function stripComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += c;
  }
  return out;
}
