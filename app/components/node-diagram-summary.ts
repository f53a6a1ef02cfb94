/**
 * The diagram's summary in words: the parts that are not as they should be, as the node's own
 * tools name their states. Shown beside the diagram's toggle and announced as it changes.
 */
import type { NodeView } from "@/sandbox";

/** What is not as it should be, in the node's words; the diagram shows where. */
export function problems(view: NodeView): string[] {
  const found: string[] = [];
  if (view.ready.health !== "ok")
    found.push(`Node ${view.ready.state}${view.ready.reason ? ` (${view.ready.reason})` : ""}`);
  for (const unit of view.units) if (unit.health !== "ok") found.push(`${unit.name} ${unit.state}`);
  if (view.cni.health !== "ok") found.push(`CNI config ${view.cni.state}`);
  for (const pod of view.pods) if (pod.health !== "ok") found.push(`pod ${pod.namespace}/${pod.name} ${pod.status}`);
  return found;
}

/** One line for the panel's head and screen readers: what is wrong, the first three of it. */
export function diagramSummary(view: NodeView): string {
  const found = problems(view);
  if (found.length === 0) return "Every part is running.";
  const shown = found.slice(0, 3).join("; ");
  return found.length > 3 ? `${shown}; and ${found.length - 3} more` : shown;
}
