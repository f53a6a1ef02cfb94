/**
 * OnCalendar= expressions (systemd.time(7), "Calendar Events"), the subset the node's timers
 * use: the shorthands (`hourly`, `daily`, `weekly`, `monthly`), an optional weekday list,
 * `*-*-*` or a fixed day of the month, and `H:M[:S]` where each part is `*` or a comma list
 * (`6,18:00`, `*:00:00`). Times are UTC, as on AKS nodes. nextElapse() is
 * calendar_spec_next_usec(): the first matching second strictly after the given time.
 */
const SHORTHANDS: Record<string, string> = {
  minutely: "*-*-* *:*:00",
  hourly: "*-*-* *:00:00",
  daily: "*-*-* 00:00:00",
  weekly: "Mon *-*-* 00:00:00",
  monthly: "*-*-01 00:00:00",
};
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

interface CalendarSpec {
  weekdays?: number[];
  day?: number;
  hours?: number[];
  minutes?: number[];
  seconds: number[];
}

/** `*` is every value (undefined); `6,18` is a list. */
function part(text: string): number[] | undefined {
  if (text === "*") return undefined;
  const values = text.split(",").map(Number);
  return values.some((v) => !Number.isInteger(v)) ? [Number.NaN] : values.sort((a, b) => a - b);
}

export function parseCalendar(expression: string): CalendarSpec | undefined {
  const words = (SHORTHANDS[expression.trim()] ?? expression.trim()).split(/\s+/);
  const spec: CalendarSpec = { seconds: [0] };
  if (words[0] && /^[A-Z][a-z]{2}/.test(words[0])) {
    spec.weekdays = (words.shift() as string).split(",").map((d) => WEEKDAYS.indexOf(d));
    if (spec.weekdays.includes(-1)) return undefined;
  }
  if (words[0]?.includes("-")) {
    const [, , day] = (words.shift() as string).split("-");
    if (day !== "*") spec.day = Number(day);
  }
  const time = (words.shift() ?? "00:00:00").split(":");
  if (time.length < 2 || words.length) return undefined;
  spec.hours = part(time[0] as string);
  spec.minutes = part(time[1] as string);
  spec.seconds = part(time[2] ?? "00") ?? Array.from({ length: 60 }, (_, i) => i);
  const all = [...(spec.hours ?? []), ...(spec.minutes ?? []), ...spec.seconds];
  return all.some((v) => Number.isNaN(v)) ? undefined : spec;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The first time after `afterMs` the expression matches; undefined for an invalid one. */
export function nextElapse(expression: string, afterMs: number): number | undefined {
  const spec = parseCalendar(expression);
  if (!spec) return undefined;
  const start = new Date(afterMs);
  const dayStart = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  for (let d = 0; d < 400; d++) {
    const day = new Date(dayStart + d * 86_400_000);
    if (spec.weekdays && !spec.weekdays.includes(day.getUTCDay())) continue;
    if (spec.day !== undefined && day.getUTCDate() !== spec.day) continue;
    for (const h of spec.hours ?? range(24)) {
      for (const m of spec.minutes ?? range(60)) {
        for (const s of spec.seconds) {
          const t = day.getTime() + ((h * 60 + m) * 60 + s) * 1000;
          if (t > afterMs) return t;
        }
      }
    }
  }
  return undefined;
}
