// Counts a saved plan's resource changes from `terraform show -json <planfile>`,
// the way terraform's own "Plan: N to add, M to change, K to destroy." does.

export interface PlanSummary {
  add: number;
  change: number;
  destroy: number;
  /** Resource addresses with their actions, e.g. "terraform_data.a: create". */
  changes: string[];
  /** True when the plan changes outputs even if no resource changes. */
  outputsChange: boolean;
}

interface PlanJson {
  resource_changes?: Array<{ address: string; change: { actions: string[] } }>;
  output_changes?: Record<string, { actions: string[] }>;
}

export function summarizePlan(planJson: string): PlanSummary {
  const plan = JSON.parse(planJson) as PlanJson;
  const summary: PlanSummary = { add: 0, change: 0, destroy: 0, changes: [], outputsChange: false };
  for (const rc of plan.resource_changes ?? []) {
    const actions = rc.change.actions;
    // A replacement is ["delete","create"] or ["create","delete"]: one add and one destroy.
    if (actions.includes('create')) summary.add++;
    if (actions.includes('delete')) summary.destroy++;
    if (actions.includes('update')) summary.change++;
    if (actions.some((a) => a === 'create' || a === 'delete' || a === 'update')) {
      summary.changes.push(`${rc.address}: ${actions.join(' then ')}`);
    }
  }
  summary.outputsChange = Object.values(plan.output_changes ?? {}).some(
    (oc) => !(oc.actions.length === 1 && oc.actions[0] === 'no-op'),
  );
  return summary;
}

export function describePlan(s: PlanSummary): string {
  return `${s.add} to add, ${s.change} to change, ${s.destroy} to destroy`;
}
