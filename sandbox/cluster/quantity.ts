/**
 * resource.Quantity, reduced to what pods and nodes carry: cpu in cores or millicores
 * ("100m", "2", "0.5") and byte sizes with binary or decimal suffixes ("70Mi", "1Gi", "500M").
 * Values come back in millicores for cpu and bytes for everything else.
 */
const SUFFIX: Record<string, number> = {
  "": 1,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
};

/** Millicores for cpu ("100m" → 100, "1" → 1000); NaN when unparsable. */
export function milliCpu(q: string): number {
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(q.trim());
  if (!m) return Number.NaN;
  return m[2] === "m" ? Number(m[1]) : Math.round(Number(m[1]) * 1000);
}

/** Bytes ("70Mi" → 73400320); NaN when unparsable. */
export function bytes(q: string): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T|)$/.exec(q.trim());
  if (!m) return Number.NaN;
  return Math.round(Number(m[1]) * (SUFFIX[m[2] ?? ""] ?? 1));
}

/** A quantity in the unit its resource counts in: millicores for cpu, bytes or units for the rest. */
export function quantityValue(resource: string, q: string): number {
  return resource === "cpu" ? milliCpu(q) : bytes(q);
}

/** For optional resource fields: absent or unreadable counts as 0, as requests and limits do. */
export function quantityOrZero(resource: string, q: string | undefined): number {
  const v = q === undefined ? Number.NaN : quantityValue(resource, q);
  return Number.isNaN(v) ? 0 : v;
}

export function isValidQuantity(resource: string, q: string): boolean {
  return !Number.isNaN(quantityValue(resource, q));
}
