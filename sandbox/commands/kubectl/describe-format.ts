/**
 * What every kubectl describer shares (staging/src/k8s.io/kubectl/pkg/describe/describe.go):
 * RFC 1123 times, printLabelsMultiline, printAnnotationsMultiline, tolerations, and
 * DescribeEvents with kubectl's ages. Describers write tab-separated text; describe.ts puts
 * it through one Go tabwriter (tabwriter.ts), as tabbedString does.
 */
import type { KubeEvent, Toleration } from "../../cluster/types";
import { kubectlAge } from "../../util/time-format";
import type { World } from "../../world";

/** time.RFC1123Z: "Thu, 30 Oct 2025 14:02:53 +0000". */
export function rfc1123z(stamp: string | number): string {
  const d = new Date(stamp);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export const sortedKeys = (o: Record<string, string> | undefined) =>
  Object.keys(o ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** printLabelsMultiline: `Title:\tk=v`, further pairs on `\tk=v` lines. */
export function labelsMultiline(title: string, labels: Record<string, string> | undefined): string {
  const keys = sortedKeys(labels);
  if (!keys.length) return `${title}:\t<none>\n`;
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ""}\t${k}=${labels?.[k]}\n`).join("");
}

/** printAnnotationsMultiline (values over 140 chars wrap; last-applied-configuration is skipped). */
export function annotationsMultiline(title: string, annotations: Record<string, string> | undefined): string {
  const keys = sortedKeys(annotations).filter((k) => k !== "kubectl.kubernetes.io/last-applied-configuration");
  if (!keys.length) return `${title}:\t<none>\n`;
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ""}\t${k}: ${annotations?.[k]}\n`).join("");
}

/** printTolerationsMultilineWithIndent, sorted by key (a stable sort for short lists, as Go's is). */
export function tolerationsMultiline(tolerations: Toleration[] | undefined, title = "Tolerations"): string {
  const list = [...(tolerations ?? [])].sort((a, b) =>
    (a.key ?? "") < (b.key ?? "") ? -1 : (a.key ?? "") > (b.key ?? "") ? 1 : 0,
  );
  if (!list.length) return `${title}:\t<none>\n`;
  return list
    .map((t, i) => {
      let s = t.key ?? "";
      if (t.value) s += `=${t.value}`;
      if (t.effect) s += `:${t.effect}`;
      if (t.operator === "Exists" && !t.value) s += t.key || t.effect ? " op=Exists" : "op=Exists";
      if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
      return `${i === 0 ? `${title}:` : ""}\t${s}\n`;
    })
    .join("");
}

/** DescribeEvents: a flush first, events by last timestamp, `<age> (xN over <first>)` when repeated. */
export function describeEvents(events: KubeEvent[], now: number): string {
  if (!events.length) return "Events:\t<none>\n";
  // SortableEvents orders by lastTimestamp (whole seconds); ties keep the order they were written in.
  const sorted = [...events].sort(
    (a, b) =>
      Date.parse(a.lastTimestamp) - Date.parse(b.lastTimestamp) ||
      Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion),
  );
  const since = (t: string) => kubectlAge(now - Date.parse(t));
  let out = "\fEvents:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n";
  for (const e of sorted) {
    const first = since(e.firstTimestamp);
    const interval = e.count > 1 ? `${since(e.lastTimestamp)} (x${e.count} over ${first})` : first;
    out += `  ${e.type}\t${e.reason}\t${interval}\t${e.source.component}\t${e.message.trim()}\n`;
  }
  return out;
}

export function eventsFor(world: World, kind: string, name: string, namespace?: string): KubeEvent[] {
  return world.store
    .list<KubeEvent>("events")
    .filter(
      (e) =>
        e.involvedObject.kind === kind &&
        e.involvedObject.name === name &&
        (kind === "Node" || e.involvedObject.namespace === namespace),
    );
}
