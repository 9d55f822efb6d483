// Terraform's machine-readable UI (`-json`): turns each line into the text shown in the
// task and collects error diagnostics with the resource they concern.

export interface Diagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail: string;
  /** Resource address, when terraform names one (e.g. "module.nats.helm_release.nats[0]"). */
  address?: string;
}

export interface UiLine {
  /** What to show a person; undefined for lines not worth showing. */
  text?: string;
  diagnostic?: Diagnostic;
  /** Address of a resource whose apply errored (`apply_errored`). */
  erroredAddress?: string;
}

/** Parses one line of terraform's -json output; non-JSON lines are shown as they are. */
export function parseUiLine(line: string): UiLine {
  if (!line.startsWith('{')) return { text: line.trimEnd() || undefined };
  let msg: any;
  try {
    msg = JSON.parse(line);
  } catch {
    return { text: line };
  }
  if (msg.type === 'version') return {};
  if (msg.type === 'diagnostic' && msg.diagnostic) {
    const d = msg.diagnostic;
    const diagnostic: Diagnostic = {
      severity: d.severity === 'error' ? 'error' : 'warning',
      summary: String(d.summary ?? ''),
      detail: String(d.detail ?? '').trim(),
      address: d.address ? String(d.address) : undefined,
    };
    return { text: describeDiagnostic(diagnostic), diagnostic };
  }
  const text = typeof msg['@message'] === 'string' ? msg['@message'] : undefined;
  if (msg.type === 'apply_errored') return { text, erroredAddress: msg.hook?.resource?.addr };
  return { text };
}

/** "Error: addr: summary: detail" on one line; `withSeverity: false` drops the leading "Error: ". */
export function describeDiagnostic(d: Diagnostic, withSeverity = true): string {
  const severity = withSeverity ? `${d.severity === 'error' ? 'Error' : 'Warning'}: ` : '';
  const head = `${severity}${d.address ? `${d.address}: ` : ''}${d.summary}`;
  return d.detail ? `${head}: ${d.detail.replace(/\s*\n\s*/g, ' ')}` : head;
}
