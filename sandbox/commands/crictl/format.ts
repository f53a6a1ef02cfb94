/** Small formatters crictl shares across tables (cri-tools cmd/crictl/util.go). */

/** getTruncatedID: the first 13 characters of an ID, after an optional prefix. */
export function truncatedId(id: string, prefix = ""): string {
  const bare = prefix && id.startsWith(prefix) ? id.slice(prefix.length) : id;
  return bare.slice(0, 13);
}

/** docker/go-units HumanSizeWithPrecision(size, 3): decimal units, `%.3g`. */
export function humanSize(bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB", "PB"];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${goG3(v)}${units[i]}`;
}

/** Go's %.3g for values below 1000: three significant digits, trailing zeros dropped. */
function goG3(v: number): string {
  const s = v.toPrecision(3);
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}
