/**
 * `kubectl get --sort-by=JSONPATH` (staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go): the
 * expression is relaxed (`.metadata.name` or `{.metadata.name}`), each object's first value
 * is the key; numbers compare as numbers, strings in natural order (vbom.ml/util/sortorder,
 * so `pod-9` < `pod-10`); objects without the field sort first; the sort is stable. A path
 * found in none of the objects is an error.
 */
import type { KubeObject } from "../../cluster/types";
import { jsonpathValues } from "./jsonpath";

/** sortorder.NaturalLess: digit runs compare by value, the rest byte by byte. */
export function naturalLess(a: string, b: string): boolean {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string;
    const q = y[i] as string;
    if (p === q) continue;
    const digits = /^\d/.test(p) && /^\d/.test(q);
    if (digits && Number(p) !== Number(q)) return Number(p) < Number(q);
    return p < q;
  }
  return x.length < y.length;
}

/** RelaxedJSONPathExpression: wrap in braces and add the leading dot when missing. */
export function relaxedJsonPath(field: string): string {
  const inner = field.replace(/^\{(.*)\}$/s, "$1");
  return `{${inner.startsWith(".") || inner.startsWith("[") ? inner : `.${inner}`}}`;
}

export function sortObjects(
  objects: KubeObject[],
  field: string,
  toJson: (o: KubeObject) => unknown,
): KubeObject[] | { error: string } {
  const path = relaxedJsonPath(field);
  const keyed = objects.map((o, i) => {
    const values = jsonpathValues(path, toJson(o) as never);
    return { o, i, v: values[0] as unknown };
  });
  if (objects.length > 0 && keyed.every((k) => k.v === undefined)) {
    return { error: `error: couldn't find any field with path "${path}" in the list of objects\n` };
  }
  const less = (a: unknown, b: unknown): boolean => {
    if (a === undefined) return b !== undefined;
    if (b === undefined) return false;
    if (typeof a === "number" && typeof b === "number") return a < b;
    return naturalLess(typeof a === "string" ? a : JSON.stringify(a), typeof b === "string" ? b : JSON.stringify(b));
  };
  return keyed.sort((p, q) => (less(p.v, q.v) ? -1 : less(q.v, p.v) ? 1 : p.i - q.i)).map((k) => k.o);
}

/** formatLabelHeaders: a -L column is named by the key's last path segment, upper-cased. */
export const labelColumnHeader = (key: string) => (key.split("/").pop() as string).toUpperCase();
