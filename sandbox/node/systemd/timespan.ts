/**
 * systemd time spans (systemd.time(7)): a number with an optional unit, `2` meaning seconds;
 * `100ms`, `2s`, `10min`, `60m`, `12h`, `1d`, `1w`, and a sum of them (`1h 30min`).
 * Returns milliseconds; an unreadable span falls back to 100 ms (DEFAULT_RESTART_USEC).
 */
const UNITS: Record<string, number> = {
  ms: 1,
  msec: 1,
  s: 1000,
  sec: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
  weeks: 604_800_000,
};

export function parseSeconds(value: string): number {
  const text = value.trim();
  const re = /(\d+(?:\.\d+)?)\s*([a-z]*)\s*/gy;
  let total = 0;
  let end = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const unit = UNITS[m[2] || "s"];
    if (unit === undefined) return 100;
    total += Number(m[1]) * unit;
    end = re.lastIndex;
    if (end >= text.length) break;
  }
  return text !== "" && end === text.length ? total : 100;
}
