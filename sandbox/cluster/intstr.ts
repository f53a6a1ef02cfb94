/**
 * apimachinery's intstr.GetScaledValueFromIntOrPercent: maxSurge, maxUnavailable and a PDB's
 * minAvailable are an int or "N%" of a total, rounded up or down as the caller asks.
 */
import type { IntOrPercent } from "./types";

export function scaledValue(value: IntOrPercent | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === "number") return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) return /^\d+$/.test(value) ? Number(value) : 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** IntOrString.String(): `1`, `25%`. */
export const intOrPercentText = (value: IntOrPercent): string => String(value);
