/**
 * journalctl's output modes (systemd 249 src/shared/logs-show.c): `short` (the default,
 * `Mon DD HH:MM:SS host ident[pid]: message`; kernel lines carry no PID), `short-iso`,
 * `short-precise`, `short-iso-precise`, `short-unix`, `short-monotonic`, `cat`, `json`,
 * `json-pretty`, `export` and `verbose`. The node's zone is UTC, so `%z` prints `+0000`.
 */
import type { JournalEntry } from "../../node/journal";
import { journalTime } from "../../util/time-format";

export const OUTPUT_MODES = [
  "short",
  "short-full",
  "short-iso",
  "short-iso-precise",
  "short-precise",
  "short-monotonic",
  "short-unix",
  "verbose",
  "export",
  "json",
  "json-pretty",
  "json-sse",
  "json-seq",
  "cat",
  "with-unit",
] as const;
export type OutputMode = (typeof OUTPUT_MODES)[number];

/** What the journal knows about the machine, for the trusted fields (`_BOOT_ID`, ...). */
export interface JournalHost {
  hostname: string;
  machineId: string;
  /** 32 hex digits, as sd_id128 prints it. */
  bootId: string;
  /** Boot time in ms: `__MONOTONIC_TIMESTAMP` counts from here. */
  bootTime: number;
  /** The unit's binary, for `_EXE`/`_CMDLINE` (best effort). */
  exe?: (entry: JournalEntry) => string | undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function isoTime(usec: number, precise: boolean): string {
  const d = new Date(Math.floor(usec / 1000));
  const base = d.toISOString().slice(0, 19);
  return `${base}${precise ? `.${pad(usec % 1_000_000, 6)}` : ""}+0000`;
}

/** systemd's own messages about a unit are logged by PID 1 with UNIT=, not _SYSTEMD_UNIT=. */
const fromPid1 = (e: JournalEntry) => e.pid === 1 && e.identifier === "systemd";

/** The entry's fields, in the order journald stores them for a stdout stream line. */
export function entryFields(e: JournalEntry, host: JournalHost, index: number): [string, string][] {
  const fields: [string, string][] = [
    [
      "__CURSOR",
      `s=8f1c2b7d4e3a4f6b9c0d1e2f3a4b5c6d;i=${(index + 1).toString(16)};b=${host.bootId};m=${(e.usec - host.bootTime * 1000).toString(16)};t=${e.usec.toString(16)};x=${((index * 2654435761) >>> 0).toString(16)}`,
    ],
    ["__REALTIME_TIMESTAMP", String(e.usec)],
    ["__MONOTONIC_TIMESTAMP", String(Math.max(0, e.usec - host.bootTime * 1000))],
    ["_BOOT_ID", host.bootId],
    ["_MACHINE_ID", host.machineId],
    ["_HOSTNAME", host.hostname],
    ["PRIORITY", String(e.priority)],
  ];
  if (e.identifier === "kernel") {
    fields.push(["_TRANSPORT", "kernel"], ["SYSLOG_FACILITY", "0"], ["SYSLOG_IDENTIFIER", "kernel"]);
  } else if (fromPid1(e)) {
    fields.push(
      ["_TRANSPORT", "journal"],
      ["SYSLOG_FACILITY", "3"],
      ["SYSLOG_IDENTIFIER", "systemd"],
      ["_PID", "1"],
      ["_UID", "0"],
      ["_GID", "0"],
      ["_COMM", "systemd"],
      ["_EXE", "/usr/lib/systemd/systemd"],
      ["_CMDLINE", "/sbin/init"],
      ["_SYSTEMD_CGROUP", "/init.scope"],
      ["_SYSTEMD_UNIT", "init.scope"],
      ["_SYSTEMD_SLICE", "-.slice"],
    );
    if (e.unit) fields.push(["UNIT", e.unit]);
  } else {
    fields.push(
      ["_TRANSPORT", "stdout"],
      ["SYSLOG_FACILITY", "3"],
      ["SYSLOG_IDENTIFIER", e.identifier],
      ["_PID", String(e.pid)],
      ["_UID", "0"],
      ["_GID", "0"],
      ["_COMM", e.identifier.slice(0, 15)],
    );
    const exe = host.exe?.(e);
    if (exe) fields.push(["_EXE", exe]);
    if (e.unit) {
      fields.push(
        ["_SYSTEMD_CGROUP", `/system.slice/${e.unit}`],
        ["_SYSTEMD_UNIT", e.unit],
        ["_SYSTEMD_SLICE", "system.slice"],
      );
    }
  }
  fields.push(["MESSAGE", e.message]);
  return fields;
}

/** The value of FIELD for `FIELD=value` matches. */
export function fieldValue(e: JournalEntry, host: JournalHost, field: string): string | undefined {
  return entryFields(e, host, 0).find(([k]) => k === field)?.[1];
}

const jsonString = (s: string) => JSON.stringify(s);

export function formatEntry(
  e: JournalEntry,
  mode: OutputMode,
  host: JournalHost,
  /** The entry's place in the journal (asked only by the modes that print its cursor). */
  indexOf: (e: JournalEntry) => number,
  options: { noHostname?: boolean } = {},
): string {
  const who = e.identifier === "kernel" ? "kernel" : `${e.identifier}[${e.pid}]`;
  const hostPart = options.noHostname ? "" : ` ${host.hostname}`;
  const ms = Math.floor(e.usec / 1000);
  const micros = pad(e.usec % 1_000_000, 6);
  switch (mode) {
    case "cat":
      return e.message;
    case "short-iso":
      return `${isoTime(e.usec, false)}${hostPart} ${who}: ${e.message}`;
    case "short-iso-precise":
      return `${isoTime(e.usec, true)}${hostPart} ${who}: ${e.message}`;
    case "short-precise":
      return `${journalTime(ms)}.${micros}${hostPart} ${who}: ${e.message}`;
    case "short-unix":
      return `${Math.floor(e.usec / 1_000_000)}.${micros}${hostPart} ${who}: ${e.message}`;
    case "short-monotonic": {
      const mono = Math.max(0, e.usec - host.bootTime * 1000);
      return `[${String(Math.floor(mono / 1_000_000)).padStart(5)}.${pad(mono % 1_000_000, 6)}]${hostPart} ${who}: ${e.message}`;
    }
    case "short-full": {
      const d = new Date(ms);
      const stamp = `${DAYS[d.getUTCDay()]} ${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} UTC`;
      return `${stamp}${hostPart} ${who}: ${e.message}`;
    }
    case "with-unit": {
      // The unit (_SYSTEMD_UNIT) in place of the identifier; PID 1 runs in init.scope.
      const unit = fromPid1(e) ? "init.scope" : e.unit;
      const label = unit ?? e.identifier;
      return `${journalTime(ms)}${hostPart} ${e.identifier === "kernel" && !unit ? "kernel" : `${label}[${e.pid}]`}: ${e.message}`;
    }
    case "json":
    case "json-sse":
    case "json-seq": {
      const body = `{${entryFields(e, host, indexOf(e))
        .map(([k, v]) => `${jsonString(k)}:${jsonString(v)}`)
        .join(",")}}`;
      return mode === "json" ? body : mode === "json-sse" ? `data: ${body}\n` : `\x1e${body}`;
    }
    case "json-pretty":
      return `{\n${entryFields(e, host, indexOf(e))
        .map(([k, v]) => `\t${jsonString(k)} : ${jsonString(v)}`)
        .join(",\n")}\n}`;
    case "export":
      return `${entryFields(e, host, indexOf(e))
        .map(([k, v]) => `${k}=${v}`)
        .join("\n")}\n`;
    case "verbose": {
      const d = new Date(ms);
      const fields = entryFields(e, host, indexOf(e));
      const cursor = fields[0]?.[1] ?? "";
      const head = `${DAYS[d.getUTCDay()]} ${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)}.${micros} UTC [${cursor}]`;
      return [head, ...fields.filter(([k]) => !k.startsWith("__")).map(([k, v]) => `    ${k}=${v}`)].join("\n");
    }
    default:
      return `${journalTime(ms)}${hostPart} ${who}: ${e.message}`;
  }
}

/** The default short line, as `systemctl status` prints a unit's last lines. */
export function formatShort(entry: JournalEntry, hostname: string): string {
  const who = entry.identifier === "kernel" ? "kernel" : `${entry.identifier}[${entry.pid}]`;
  return `${journalTime(Math.floor(entry.usec / 1000))} ${hostname} ${who}: ${entry.message}`;
}
