/**
 * The time formats the node's tools print. Each function names the upstream code it mirrors,
 * because a learner compares these strings with what they saw on a real node.
 */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** journalctl's default "short" format: `Oct 30 16:00:52` (UTC on AKS nodes). */
export function journalTime(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** klog's header time: `1030 16:00:52.123456` (month+day, then time with microseconds). */
export function klogTime(usec: number): string {
  const d = new Date(Math.floor(usec / 1000));
  const micros = usec % 1_000_000;
  return `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(micros, 6)}`;
}

/** systemd's format_timestamp(): `Thu 2025-10-30 16:00:50 UTC`. */
export function systemdTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** RFC 3339 with nanoseconds, as containerd and the CRI log format write it. */
export function rfc3339Nano(usec: number): string {
  const d = new Date(Math.floor(usec / 1000));
  const nanos = (usec % 1_000_000) * 1000 + (usec % 997);
  return `${d.toISOString().slice(0, 19)}.${pad(nanos, 9)}Z`;
}

/** RFC 3339 to the second, as the API server serialises metav1.Time. */
export function rfc3339(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/**
 * systemd's format_timestamp_relative() (src/basic/time-util.c, v249): `2h 3min ago`, or for
 * a time to come `6min left` (a negative delta).
 */
export function systemdRelative(deltaMs: number): string {
  if (deltaMs < 0) return systemdRelativeSpan(-deltaMs, "left");
  return systemdRelativeSpan(deltaMs, "ago");
}

function systemdRelativeSpan(deltaMs: number, s: string): string {
  const usec = Math.max(0, Math.round(deltaMs * 1000));
  const S = 1_000_000;
  const M = 60 * S;
  const H = 60 * M;
  const D = 24 * H;
  const W = 7 * D;
  const MONTH = 2_629_800 * S;
  const Y = 31_557_600 * S;
  const f = Math.floor;
  if (usec >= Y) return `${f(usec / Y)} years ${f((usec % Y) / MONTH)} months ${s}`;
  if (usec >= MONTH) return `${f(usec / MONTH)} months ${f((usec % MONTH) / D)} days ${s}`;
  if (usec >= W) return `${f(usec / W)} weeks ${f((usec % W) / D)} days ${s}`;
  if (usec >= 2 * D) return `${f(usec / D)} days ${s}`;
  if (usec >= 25 * H) return `1 day ${f((usec - D) / H)}h ${s}`;
  if (usec >= 6 * H) return `${f(usec / H)}h ${s}`;
  if (usec >= H) return `${f(usec / H)}h ${f((usec % H) / M)}min ${s}`;
  if (usec >= 5 * M) return `${f(usec / M)}min ${s}`;
  if (usec >= M) return `${f(usec / M)}min ${f((usec % M) / S)}s ${s}`;
  if (usec >= S) return `${f(usec / S)}s ${s}`;
  if (usec >= 1000) return `${f(usec / 1000)}ms ${s}`;
  if (usec > 0) return `${usec}us ${s}`;
  return "now";
}

/** systemd's format_timespan() at 1 ms accuracy, for `CPU: 3min 2.103s`. */
export function systemdTimespan(ms: number): string {
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(ms));
  const units: [number, string][] = [
    [3_600_000 * 24, "d"],
    [3_600_000, "h"],
    [60_000, "min"],
  ];
  for (const [size, name] of units) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${name}`);
      rest %= size;
    }
  }
  if (rest >= 1000) {
    const s = Math.floor(rest / 1000);
    const frac = rest % 1000;
    parts.push(frac ? `${s}.${pad(frac, 3).replace(/0+$/, "")}s` : `${s}s`);
  } else if (rest > 0 || parts.length === 0) {
    parts.push(`${rest}ms`);
  }
  return parts.join(" ");
}

/** docker/go-units HumanDuration(), which crictl prints as `<duration> ago`. */
export function goUnitsHumanDuration(deltaMs: number): string {
  const seconds = Math.floor(deltaMs / 1000);
  if (seconds < 1) return "Less than a second";
  if (seconds === 1) return "1 second";
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(deltaMs / 60_000);
  if (minutes === 1) return "About a minute";
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(deltaMs / 3_600_000 + 0.5);
  if (hours === 1) return "About an hour";
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(deltaMs / 3_600_000 / 24 / 365)} years`;
}

/** apimachinery pkg/util/duration.HumanDuration(), kubectl's AGE column. */
export function kubectlAge(deltaMs: number): string {
  const seconds = Math.floor(deltaMs / 1000);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    return dy === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

/** Go's time.Duration.String() for whole seconds: `10s`, `1m20s`, `5m0s`. */
export function goDuration(ms: number): string {
  return goDurationString(Math.round(ms / 1000) * 1_000_000);
}

/** time.ParseDuration for the flags kubectl takes (`30s`, `1m30s`, `500ms`, `0`); undefined when invalid. */
export function parseGoDuration(text: string): number | undefined {
  if (text === "0") return 0;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (!parts.length || parts.map((m) => m[0]).join("") !== text) return undefined;
  return parts.reduce((ms, m) => ms + Number(m[1]) * (units[m[2] as string] ?? 0), 0);
}

/**
 * Go's time.Duration.String() from microseconds: `3m4.512s`, `1h0m0s`, `250ms`, `1.5µs`
 * (the fraction keeps its significant digits only, as Go's fmtFrac does).
 */
export function goDurationString(usec: number): string {
  if (usec === 0) return "0s";
  const sign = usec < 0 ? "-" : "";
  const u = Math.abs(Math.round(usec));
  const frac = (n: number, digits: number) => {
    const s = String(n).padStart(digits, "0").replace(/0+$/, "");
    return s ? `.${s}` : "";
  };
  if (u < 1000) return `${sign}${u}µs`;
  if (u < 1_000_000) return `${sign}${Math.floor(u / 1000)}${frac(u % 1000, 3)}ms`;
  const totalS = Math.floor(u / 1_000_000);
  const sec = `${totalS % 60}${frac(u % 1_000_000, 6)}s`;
  const totalM = Math.floor(totalS / 60);
  if (totalM === 0) return `${sign}${sec}`;
  const h = Math.floor(totalM / 60);
  return h ? `${sign}${h}h${totalM % 60}m${sec}` : `${sign}${totalM}m${sec}`;
}
