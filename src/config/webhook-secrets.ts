// The one parser of the webhook secret setting: several secrets, comma-separated,
// while rotating (GitHub signs with one; natsgh accepts any). Each is trimmed, and
// registered with the redactor on its own (the whole list is not what appears in logs).
import { registerSecret } from '../redact.js';

export function parseWebhookSecrets(value: string | undefined | null): string[] {
  const secrets = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of secrets) registerSecret(s);
  return secrets;
}
