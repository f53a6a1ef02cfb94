/**
 * `--since`/`--until` values as systemd's parse_timestamp() reads them (src/basic/time-util.c,
 * systemd.time(7)): `2025-10-30 16:00:00`, `2025-10-30 16:00`, `2025-10-30`, `16:00:00` (today),
 * `now`, `today`, `yesterday`, `tomorrow`, `@1761840000`, relative `-10m`, `+1h`,
 * `10 min ago`, `3 hours ago`, and a leading weekday that must match. The node's zone is UTC.
 * Returns ms since the epoch, or undefined when systemd would fail to parse it.
 */

const DAY_MS = 86_400_000;
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const WEEKDAY_LONG = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** systemd time span units (parse_sec): `min`, `m`, `h`, `hours`, `d`, `weeks`, ... */
const SPAN_UNITS: [RegExp, number][] = [
  [/^(us|usec|µs)$/, 0.001],
  [/^(ms|msec)$/, 1],
  [/^(s|sec|secs|second|seconds|)$/, 1000],
  [/^(m|min|mins|minute|minutes)$/, 60_000],
  [/^(h|hr|hrs|hour|hours)$/, 3_600_000],
  [/^(d|day|days)$/, DAY_MS],
  [/^(w|week|weeks)$/, 7 * DAY_MS],
  [/^(M|month|months)$/, 2_629_800_000],
  [/^(y|year|years)$/, 31_557_600_000],
];

/** `10min`, `1h 30min`, `2 hours`: a sum of number+unit terms (parse_time). */
export function parseTimespan(text: string): number | undefined {
  const re = /\s*(\d+(?:\.\d+)?)\s*([a-zµ]*)/giy;
  let total = 0;
  let matched = false;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const unit = SPAN_UNITS.find(([r]) => r.test(m?.[2] ?? ""));
    if (!unit) return undefined;
    total += Number(m[1]) * unit[1];
    matched = true;
    at = re.lastIndex;
  }
  if (!matched || text.slice(at).trim() !== "") return undefined;
  return total;
}

const startOfDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

export function parseTimestamp(input: string, now: number): number | undefined {
  let text = input.trim();
  if (text === "now") return now;
  if (text === "today") return startOfDay(now);
  if (text === "yesterday") return startOfDay(now) - DAY_MS;
  if (text === "tomorrow") return startOfDay(now) + DAY_MS;
  if (text.startsWith("@")) {
    const secs = Number(text.slice(1));
    return Number.isFinite(secs) && text.length > 1 ? Math.floor(secs * 1000) : undefined;
  }
  if (text.startsWith("-") || text.startsWith("+")) {
    const span = parseTimespan(text.slice(1));
    return span === undefined ? undefined : text.startsWith("-") ? now - span : now + span;
  }
  if (text.endsWith(" ago")) {
    const span = parseTimespan(text.slice(0, -4));
    return span === undefined ? undefined : now - span;
  }
  if (text.endsWith(" left")) {
    const span = parseTimespan(text.slice(0, -5));
    return span === undefined ? undefined : now + span;
  }
  if (text.endsWith(" UTC")) text = text.slice(0, -4);

  // An optional weekday first; it must agree with the date.
  let weekday: number | undefined;
  const wd = /^([A-Za-z]+)\s+/.exec(text);
  if (wd) {
    const name = (wd[1] as string).toLowerCase();
    weekday = WEEKDAYS.indexOf(name) >= 0 ? WEEKDAYS.indexOf(name) : WEEKDAY_LONG.indexOf(name);
    if (weekday < 0) return undefined;
    text = text.slice(wd[0].length);
  }

  let day = startOfDay(now);
  const date = /^(\d{2}|\d{4})-(\d{2})-(\d{2})(?:[ T]|$)/.exec(text);
  if (date) {
    const year = (date[1] as string).length === 2 ? 2000 + Number(date[1]) : Number(date[1]);
    const month = Number(date[2]);
    const dom = Number(date[3]);
    day = Date.UTC(year, month - 1, dom);
    const check = new Date(day);
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== dom) return undefined;
    text = text.slice(date[0].length);
  }
  let timeMs = 0;
  if (text !== "") {
    const time = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/.exec(text);
    if (!time) return undefined;
    const [h, m, s] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    if (h > 23 || m > 59 || s > 60) return undefined;
    timeMs = ((h * 60 + m) * 60 + s) * 1000 + Math.floor(Number(`0.${time[4] ?? "0"}`) * 1000);
  } else if (!date) {
    return undefined;
  }
  const result = day + timeMs;
  if (weekday !== undefined && new Date(result).getUTCDay() !== weekday) return undefined;
  return result;
}
