/**
 * klog's text header, as the kubelet writes to stderr and the journal keeps:
 * `I1030 16:00:52.123456    2594 kubelet_node_status.go:76] "Attempting to register node" node="..."`
 * (k8s.io/klog/v2 formatHeader: severity, mmdd, time with microseconds, PID padded to 7,
 * file:line). Structured key/values follow as `key="value"` (klog's KObj/quoting rules:
 * strings quoted with Go escaping, numbers and booleans bare). File:line references are those
 * of v1.32 where known; treat them as approximate.
 */
import { klogTime } from "../util/time-format";

export type Severity = "I" | "W" | "E";
export type KV = Record<string, string | number | boolean | undefined>;

export const goQuote = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;

export function formatKV(kv: KV): string {
  return Object.entries(kv)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}=${typeof v === "string" ? goQuote(v) : String(v)}`)
    .join("");
}

export function klogLine(
  severity: Severity,
  usec: number,
  pid: number,
  source: string,
  msg: string,
  kv: KV = {},
): string {
  return `${severity}${klogTime(usec)} ${String(pid).padStart(7)} ${source}] ${goQuote(msg)}${formatKV(kv)}`;
}

/** Printf-style lines (klog.Infof), e.g. the `FLAG: --max-pods="30"` dump at start-up. */
export function klogPrintf(severity: Severity, usec: number, pid: number, source: string, text: string): string {
  return `${severity}${klogTime(usec)} ${String(pid).padStart(7)} ${source}] ${text}`;
}
