/**
 * crictl's JSON: protojson output re-indented with two spaces (cmd/crictl/util.go
 * protobufObjectToJSON, json.Indent), int64 fields as strings, status maps re-marshalled
 * with sorted keys (marshalContainerStatus / marshalPodSandboxStatus).
 */
import { stringify } from "yaml";

export function indentJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** encoding/json of a map: keys sorted at every level. */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** -o yaml: sigs.k8s.io/yaml over the JSON, which sorts keys. */
export function toYaml(value: unknown): string {
  return stringify(sortedKeys(value));
}

/** time.Unix(0, ns).Format(time.RFC3339Nano) in UTC: trailing zeros of the fraction dropped. */
export function rfc3339NanoUnix(ms: number | undefined): string {
  if (ms === undefined) return "1970-01-01T00:00:00Z";
  const iso = new Date(ms).toISOString();
  const frac = iso.slice(20, 23).replace(/0+$/, "");
  return `${iso.slice(0, 19)}${frac ? `.${frac}` : ""}Z`;
}

/** Nanoseconds since the epoch as the int64 string protojson writes. */
export const nanos = (ms: number) => `${ms}000000`;
