/**
 * Label selectors and taint/toleration matching as apimachinery (pkg/labels) and
 * k8s.io/api/core/v1 (toleration.go ToleratesTaint) define them.
 */
import type { LabelSelector, Taint, Toleration } from "./types";

export function matchesSelector(
  labels: Record<string, string> | undefined,
  selector: LabelSelector | undefined,
): boolean {
  const want = selector?.matchLabels ?? {};
  return Object.entries(want).every(([k, v]) => labels?.[k] === v);
}

export function matchesLabels(labels: Record<string, string> | undefined, want: Record<string, string>): boolean {
  return Object.entries(want).every(([k, v]) => labels?.[k] === v);
}

/** labels.FormatLabels: sorted `k=v` pairs joined by commas, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(",") : "<none>";
}

/** v1.Toleration.ToleratesTaint. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== "Exists") return false;
  if (t.operator === "Exists") return true;
  return (t.value ?? "") === (taint.value ?? "");
}

export function toleratesTaint(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => tolerates(t, taint));
}

/** A parsed `-l` selector: equality (=, ==), inequality (!=), existence (key, !key). */
export type SelectorRequirement = { key: string; op: "=" | "!=" | "exists" | "!exists"; value?: string };

export function parseSelector(text: string): SelectorRequirement[] | undefined {
  const out: SelectorRequirement[] = [];
  const patterns: [RegExp, SelectorRequirement["op"]][] = [
    [/^([\w./-]+)\s*!=\s*([\w.-]*)$/, "!="],
    [/^([\w./-]+)\s*==?\s*([\w.-]*)$/, "="],
    [/^!([\w./-]+)$/, "!exists"],
    [/^([\w./-]+)$/, "exists"],
  ];
  for (const part of text.split(",").map((p) => p.trim())) {
    const hit = patterns.map(([re, op]) => [re.exec(part), op] as const).find(([m]) => m);
    if (!hit) return undefined;
    const [m, op] = hit;
    out.push(op === "=" || op === "!=" ? { key: m?.[1] as string, op, value: m?.[2] } : { key: m?.[1] as string, op });
  }
  return out;
}

export function selectorMatches(reqs: SelectorRequirement[], labels: Record<string, string> | undefined): boolean {
  return reqs.every((r) => {
    const v = labels?.[r.key];
    if (r.op === "exists") return v !== undefined;
    if (r.op === "!exists") return v === undefined;
    if (r.op === "=") return v === r.value;
    return v !== r.value;
  });
}
