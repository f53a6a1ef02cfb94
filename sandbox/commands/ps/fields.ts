/**
 * procps-ng 3.3.17's output columns (ps/output.c format_array: header, width, alignment,
 * pr_* printer) and its row layout (show_one_proc), which lets a value wider than its
 * column push the next ones right and then takes the space back from later padding.
 * PID columns are 7 wide because Ubuntu 22.04's systemd sets kernel.pid_max to 4194304.
 */
import { MEM_TOTAL_KB, type PsProcess } from "./processes";

const HZ = 100;
type Align = "right" | "left" | "unlimited";

export interface Field {
  header: string;
  width: number;
  align: Align;
  value: (p: PsProcess, now: number) => string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");
const seconds = (p: PsProcess, now: number) => Math.floor((now - p.startedAt) / 1000);

/** pr_stime: `HH:MM` today, `MmmDD` earlier this year, else the year (UTC, as AKS nodes run). */
function stime(p: PsProcess, now: number): string {
  const t = new Date(p.startedAt);
  const today = new Date(now);
  if (t.getUTCFullYear() !== today.getUTCFullYear()) return String(t.getUTCFullYear());
  if (t.toISOString().slice(0, 10) !== today.toISOString().slice(0, 10))
    return `${MONTHS[t.getUTCMonth()]}${two(t.getUTCDate())}`;
  return `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
}

/** pr_time: cumulative CPU as `[DD-]HH:MM:SS`. */
function cputime(p: PsProcess): string {
  const t = Math.floor(p.ticks / HZ);
  const days = Math.floor(t / 86400);
  const hms = `${two(Math.floor(t / 3600) % 24)}:${two(Math.floor(t / 60) % 60)}:${two(t % 60)}`;
  return days ? `${days}-${hms}` : hms;
}

/** pr_etime: elapsed as `[[DD-]HH:]MM:SS`. */
function etime(p: PsProcess, now: number): string {
  const t = seconds(p, now);
  const [dd, hh, mm, ss] = [Math.floor(t / 86400), Math.floor(t / 3600) % 24, Math.floor(t / 60) % 60, t % 60];
  if (dd) return `${dd}-${two(hh)}:${two(mm)}:${two(ss)}`;
  return hh ? `${two(hh)}:${two(mm)}:${two(ss)}` : `${two(mm)}:${two(ss)}`;
}

/** pr_pcpu / pr_c: CPU time over lifetime, in tenths of a percent. */
function permille(p: PsProcess, now: number): number {
  const s = seconds(p, now);
  return s ? Math.floor((p.ticks * 1000) / HZ / s) : 0;
}
function pcpu(p: PsProcess, now: number): string {
  const v = permille(p, now);
  return v > 999 ? String(Math.floor(v / 10)) : `${Math.floor(v / 10)}.${v % 10}`;
}
function pmem(p: PsProcess): string {
  const v = Math.min(999, Math.floor((p.rssKb * 1000) / MEM_TOTAL_KB));
  return `${Math.floor(v / 10)}.${v % 10}`;
}

const args = (p: PsProcess) => p.argv.join(" ");
/** A login name wider than the column is cut and marked with `+` (`systemd+`), as procps does. */
const userName = (p: PsProcess) => (p.user.length > 8 ? `${p.user.slice(0, 7)}+` : p.user);
const f = (header: string, width: number, align: Align, value: Field["value"]): Field => ({
  header,
  width,
  align,
  value,
});

/** The format specifiers this ps knows, by name (aliases share a printer). */
export const FIELDS: Record<string, Field> = {
  pid: f("PID", 7, "right", (p) => String(p.pid)),
  ppid: f("PPID", 7, "right", (p) => String(p.ppid)),
  // CF_USER columns are left-aligned unless ps -n asks for numbers.
  uid_hack: f("UID", 8, "left", userName),
  user: f("USER", 8, "left", userName),
  uid: f("UID", 5, "right", (p) => String(p.uid)),
  c: f("C", 2, "right", (p, now) => String(Math.min(99, Math.floor(permille(p, now) / 10)))),
  stime: f("STIME", 5, "right", stime),
  start_time: f("START", 5, "right", stime),
  tname: f("TTY", 8, "left", (p) => p.tty),
  tty: f("TT", 8, "left", (p) => p.tty),
  time: f("TIME", 8, "right", cputime),
  bsdtime: f("TIME", 6, "right", (p) => {
    const t = Math.floor(p.ticks / HZ);
    return `${String(Math.floor(t / 60)).padStart(3)}:${two(t % 60)}`;
  }),
  etime: f("ELAPSED", 11, "right", etime),
  etimes: f("ELAPSED", 7, "right", (p, now) => String(seconds(p, now))),
  pcpu: f("%CPU", 4, "right", pcpu),
  pmem: f("%MEM", 4, "right", pmem),
  vsz: f("VSZ", 6, "right", (p) => String(p.vszKb)),
  rss: f("RSS", 5, "right", (p) => String(p.rssKb)),
  stat: f("STAT", 4, "left", (p) => p.stat),
  ni: f("NI", 3, "right", () => "0"),
  cgroup: f("CGROUP", 27, "unlimited", (p) => `0::${p.cgroup}`),
  args: f("COMMAND", 27, "unlimited", args),
  cmd: f("CMD", 27, "unlimited", args),
  command: f("COMMAND", 27, "unlimited", args),
  comm: f("COMMAND", 15, "unlimited", (p) => p.comm),
  ucmd: f("CMD", 15, "unlimited", (p) => p.comm),
};
const ALIASES: Record<string, string> = {
  "%cpu": "pcpu",
  "%mem": "pmem",
  euser: "user",
  uname: "user",
  euid: "uid",
  tt: "tty",
  cputime: "time",
  rssize: "rss",
  vsize: "vsz",
  ucomm: "comm",
};

export function lookupField(name: string): Field | undefined {
  return FIELDS[ALIASES[name] ?? name];
}

/**
 * show_one_proc: `correct` is where the next column should start, `actual` where the text
 * got to; a right-aligned value is padded to end where its column ends, any overflow is
 * taken back from the following padding, and a non-last unlimited column is cut to its width.
 */
export function layoutRow(fields: Field[], texts: string[]): string {
  let correct = 0;
  let actual = 0;
  let dospace = 0;
  let out = "";
  fields.forEach((field, i) => {
    const last = i === fields.length - 1;
    let text = texts[i] ?? "";
    if (field.align === "unlimited" && !last) text = text.slice(0, field.width);
    const leftpad = field.align === "right" ? Math.max(0, field.width - text.length) : 0;
    let space = correct - actual + leftpad;
    if (space < 1) space = dospace;
    out += " ".repeat(Math.min(space, 144)) + text;
    actual += space + text.length;
    correct += field.width + 1;
    dospace = 1;
  });
  return out;
}
