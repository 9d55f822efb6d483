// Terraform variables and backend settings as natsgh handles them: which values are
// secret, how they are hashed for the input hash, and how they reach terraform (TF_VAR_*).
import { createHash } from 'node:crypto';
import { registerSecret } from '../redact.js';

/** Names that hold secrets even when the module does not mark them sensitive. */
const SECRET_NAME = /token|password|passwd|creds|credential|secret|key|seed|private/i;

export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Backend settings that hold credentials (an S3 `key` is an object path, not a secret). */
const SECRET_BACKEND_SETTING = /secret|token|password|credentials|access_key|encryption_key|customer_key/i;

export function isSecretBackendSetting(name: string): boolean {
  return SECRET_BACKEND_SETTING.test(name);
}

/** A secret's stand-in for input hashes: changes when the value changes, never reveals it. */
export function secretDigest(value: string): string {
  return `sha256:${createHash('sha256').update('natsgh.tf-var\0').update(value).digest('hex')}`;
}

/**
 * Registers every secret value with the redactor and returns the values as they may
 * be stored: secrets replaced by their digest.
 */
export function maskedValues(
  values: Record<string, string>,
  isSecret: (name: string) => boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(values).sort()) {
    const value = values[name];
    if (isSecret(name)) {
      registerSecret(value);
      out[name] = secretDigest(value);
    } else out[name] = value;
  }
  return out;
}

/** A variable is secret when the module marks it sensitive or its name looks like one. */
export function secretVariable(sensitive: Set<string>): (name: string) => boolean {
  return (name) => sensitive.has(name) || looksSecret(name);
}

/** Variables reach terraform through the environment, so secrets never appear in a process listing. */
export function variableEnv(vars: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(vars)) env[`TF_VAR_${name}`] = value;
  return env;
}
