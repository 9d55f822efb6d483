// The phase graph as Mermaid or Graphviz DOT text (`natsgh bootstrap --graph`).
import type { PhaseMeta } from './phase.js';

export type GraphFormat = 'mermaid' | 'dot';

export function phaseGraph(phases: readonly PhaseMeta[], format: GraphFormat): string {
  const ids = new Set(phases.map((p) => p.id as string));
  if (format === 'dot') {
    const lines = ['digraph natsgh_bootstrap {', '  rankdir=LR;'];
    for (const p of phases) lines.push(`  "${p.id}" [label="${p.id}\\n${p.title.replaceAll('"', '\\"')}"];`);
    for (const p of phases) for (const d of p.dependsOn) if (ids.has(d)) lines.push(`  "${d}" -> "${p.id}";`);
    lines.push('}');
    return lines.join('\n');
  }
  // Mermaid node ids may not contain "-"; the label keeps the real id.
  const node = (id: string) => id.replaceAll('-', '_');
  const lines = ['flowchart LR'];
  for (const p of phases) lines.push(`  ${node(p.id)}["${p.id}: ${p.title.replaceAll('"', "'")}"]`);
  for (const p of phases)
    for (const d of p.dependsOn) if (ids.has(d)) lines.push(`  ${node(d)} --> ${node(p.id)}`);
  return lines.join('\n');
}
