// Secrets given as command-line flags are visible to every local user in the
// process list (`ps`), and stay in shell history: natsgh accepts them, and warns
// with the environment variable (or file) to use instead. Scans the raw argv, so
// it costs nothing when no such flag is present.
import { isSecretBackendSetting, looksSecret } from '../terraform/variables.js';

/** Flags that carry a secret (config keys marked secret, and aliases) -> what to use instead. */
export const SECRET_FLAGS: Readonly<Record<string, string>> = {
  'github-token': 'the GITHUB_TOKEN environment variable (or a GitHub App: --github-app-key <file>)',
  'webhook-secret': 'the NATSGH_WEBHOOK_SECRET environment variable',
  secret: 'the NATSGH_WEBHOOK_SECRET environment variable',
  'nats-password': 'the NATSGH_NATS_PASSWORD environment variable (or a --creds / --nkey-file file)',
  'nats-token': 'the NATSGH_NATS_TOKEN environment variable (or a --creds / --nkey-file file)',
};

/** Flag name and value of every `--name value` / `--name=value` in argv. */
function flagValues(argv: readonly string[]): Array<[string, string | undefined]> {
  const out: Array<[string, string | undefined]> = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    if (eq > 2) out.push([arg.slice(2, eq), arg.slice(eq + 1)]);
    else out.push([arg.slice(2), argv[i + 1]?.startsWith('-') ? undefined : argv[i + 1]]);
  }
  return out;
}

/** True when one URL of a comma-separated list carries user info (user:password@ or token@). */
function urlHoldsCredentials(urls: string): boolean {
  return urls.split(',').some((u) => /^[a-z][a-z0-9+.-]*:\/\/[^/@]+@/i.test(u.trim()));
}

/** One warning per secret passed on the command line, naming what to use instead (never the value). */
export function secretFlagWarnings(argv: readonly string[]): string[] {
  const warnings: string[] = [];
  for (const [name, value] of flagValues(argv)) {
    const instead = SECRET_FLAGS[name];
    if (instead) {
      warnings.push(
        `--${name} puts a secret in the process list (ps) and your shell history; use ${instead} instead`,
      );
      continue;
    }
    if (name === 'nats-url') {
      if (value && urlHoldsCredentials(value)) {
        warnings.push(
          '--nats-url with a user:password@ or token@ in it puts a secret in the process list (ps) and your shell history; set NATSGH_NATS_URL in the environment, or pass --nats-user with NATSGH_NATS_PASSWORD (or NATSGH_NATS_TOKEN) instead',
        );
      }
      continue;
    }
    const key = value?.split('=')[0]?.trim();
    if (!key) continue;
    if (name === 'tf-var' && looksSecret(key)) {
      warnings.push(
        `--tf-var ${key}=… puts a secret in the process list (ps) and your shell history; set TF_VAR_${key} in the environment instead`,
      );
    } else if (name === 'tf-backend-config' && isSecretBackendSetting(key)) {
      warnings.push(
        `--tf-backend-config ${key}=… puts a secret in the process list (ps) and your shell history; use the backend's own environment variables (AWS_SECRET_ACCESS_KEY, GOOGLE_CREDENTIALS, …) instead`,
      );
    }
  }
  return warnings;
}
