// What natsgh records about a Terraform state (TerraformStateEvent): serial and lineage
// from `terraform state pull`, resource count, and a digest of the non-sensitive outputs.
import { createHash } from 'node:crypto';
import { stableJson } from '../workflow/inputs.js';

export interface StateSummary {
  serial: number;
  lineage: string;
  /** Managed resource instances in the state. */
  resourceCount: number;
  terraformVersion: string;
}

export interface TerraformOutput {
  sensitive: boolean;
  type: unknown;
  value: unknown;
}

interface RawState {
  serial?: number;
  lineage?: string;
  terraform_version?: string;
  resources?: Array<{ mode: string; instances?: unknown[] }>;
}

/** Parses `terraform state pull`; an empty document (no state yet) is serial 0, no lineage. */
export function summarizeState(stateJson: string): StateSummary {
  const raw = (stateJson.trim() ? JSON.parse(stateJson) : {}) as RawState;
  let resourceCount = 0;
  for (const r of raw.resources ?? []) if (r.mode === 'managed') resourceCount += r.instances?.length ?? 0;
  return {
    serial: raw.serial ?? 0,
    lineage: raw.lineage ?? '',
    resourceCount,
    terraformVersion: raw.terraform_version ?? '',
  };
}

/** Parses `terraform output -json`. */
export function parseOutputs(outputJson: string): Record<string, TerraformOutput> {
  return (outputJson.trim() ? JSON.parse(outputJson) : {}) as Record<string, TerraformOutput>;
}

/** sha256 (hex) over the sorted non-sensitive outputs; sensitive ones are left out entirely. */
export function outputsDigest(outputs: Record<string, TerraformOutput>): string {
  const visible: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(outputs)) if (!o.sensitive) visible[name] = o.value;
  return createHash('sha256').update(stableJson(visible)).digest('hex');
}

/** Non-sensitive outputs as strings (JSON for non-strings), for the phase's recorded outputs. */
export function outputStrings(outputs: Record<string, TerraformOutput>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(outputs).sort()) {
    const o = outputs[name];
    if (o.sensitive) continue;
    out[name] = typeof o.value === 'string' ? o.value : stableJson(o.value);
  }
  return out;
}
