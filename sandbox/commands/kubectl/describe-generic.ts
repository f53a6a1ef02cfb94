/**
 * kubectl describe for a PodDisruptionBudget (describePodDisruptionBudgetV1) and, for kinds
 * kubectl has no describer for (a Lease, an Event), its genericDescriber: the object's own
 * fields through printUnstructuredContent, keys sorted, names made readable by smartLabelFor.
 */
import type { KubeObject, PodDisruptionBudget } from "../../cluster/types";
import type { World } from "../../world";
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline } from "./describe-format";

export function describePdb(world: World, pdb: PodDisruptionBudget): string {
  let out = `Name:\t${pdb.metadata.name}\nNamespace:\t${pdb.metadata.namespace}\n`;
  if (pdb.spec.minAvailable !== undefined) out += `Min available:\t${pdb.spec.minAvailable}\n`;
  else if (pdb.spec.maxUnavailable !== undefined) out += `Max unavailable:\t${pdb.spec.maxUnavailable}\n`;
  const selector = Object.entries(pdb.spec.selector?.matchLabels ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
  out += `Selector:\t${pdb.spec.selector ? selector : "<unset>"}\n`;
  const s = pdb.status;
  out += `Status:\n    Allowed disruptions:\t${s.disruptionsAllowed}\n    Current:\t${s.currentHealthy}\n`;
  out += `    Desired:\t${s.desiredHealthy}\n    Total:\t${s.expectedPods}\n`;
  const events = eventsFor(world, "PodDisruptionBudget", pdb.metadata.name, pdb.metadata.namespace);
  return out + describeEvents(events, world.clock.now());
}

/** smartLabelFor (kubectl 1.32): camelCase split into title-cased words, API/URL/UID/OSB/GUID upper-cased. */
export function smartLabel(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[A-Z]+|-/g) ?? [field];
  return parts
    .map((p) =>
      ["API", "URL", "UID", "OSB", "GUID"].includes(p.toUpperCase())
        ? p.toUpperCase()
        : p[0]?.toUpperCase() + p.slice(1),
    )
    .join(" ");
}

const SKIPPED = new Set([
  ".metadata.managedFields",
  ".metadata.name",
  ".metadata.namespace",
  ".metadata.labels",
  ".metadata.annotations",
]);

function printUnstructured(content: Record<string, unknown>, level: number, prefix: string): string {
  let out = "";
  const indent = "  ".repeat(level);
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIPPED.has(path) || value === undefined) continue;
    if (Array.isArray(value)) {
      out += `${indent}${smartLabel(field)}:\n`;
      for (const child of value) {
        out +=
          child && typeof child === "object"
            ? printUnstructured(child as Record<string, unknown>, level + 1, path)
            : `${indent}  ${child}\n`;
      }
    } else if (value && typeof value === "object") {
      out += `${indent}${smartLabel(field)}:\n${printUnstructured(value as Record<string, unknown>, level + 1, path)}`;
    } else out += `${indent}${smartLabel(field)}:\t${value}\n`;
  }
  return out;
}

export function describeGeneric(world: World, o: KubeObject): string {
  let out = `Name:\t${o.metadata.name}\nNamespace:\t${o.metadata.namespace ?? ""}\n`;
  out += labelsMultiline("Labels", o.metadata.labels);
  out += annotationsMultiline("Annotations", o.metadata.annotations);
  out += printUnstructured(JSON.parse(JSON.stringify(o)) as Record<string, unknown>, 0, "");
  return out + describeEvents(eventsFor(world, o.kind, o.metadata.name, o.metadata.namespace), world.clock.now());
}
