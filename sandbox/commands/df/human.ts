/**
 * gnulib human.c as `df -h`/`lsblk` use it: powers of 1024, rounded up (human_ceiling), one
 * decimal below 10, suffixes K M G T P E. `-H` would use 1000; not offered here.
 */
export function humanCeil(bytes: number): string {
  if (bytes < 1024) return String(Math.ceil(bytes));
  const units = "KMGTPE";
  let v = bytes;
  let i = -1;
  do {
    v /= 1024;
    i++;
  } while (v >= 1024 && i < units.length - 1);
  if (v < 10) {
    const tenths = Math.ceil(Math.round(v * 1e6) / 1e5) / 10;
    if (tenths < 10) return `${tenths.toFixed(1)}${units[i]}`;
    v = tenths;
  }
  const whole = Math.ceil(Math.round(v * 1e6) / 1e6);
  if (whole >= 1024 && i < units.length - 1) return `1.0${units[i + 1]}`;
  return `${whole}${units[i]}`;
}
