/**
 * journalctl's "short" output (the default): `Mon DD HH:MM:SS host ident[pid]: message`.
 * Kernel lines carry no PID (`kernel: ...`). Source: systemd src/shared/logs-show.c.
 */
import type { JournalEntry } from "../../node/journal";
import { journalTime } from "../../util/time-format";

export function formatShort(entry: JournalEntry, hostname: string): string {
  const who = entry.identifier === "kernel" ? "kernel" : `${entry.identifier}[${entry.pid}]`;
  return `${journalTime(Math.floor(entry.usec / 1000))} ${hostname} ${who}: ${entry.message}`;
}
