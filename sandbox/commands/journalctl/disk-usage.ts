/**
 * journalctl's maintenance verbs (systemd 249 src/journal/journalctl.c): `--disk-usage`
 * ("Archived and active journals take up %s in the file system.", format_bytes' one decimal)
 * and `--vacuum-size=`/`--vacuum-time=`/`--vacuum-files=` (journal_directory_vacuum logs
 * "Vacuuming done, freed %s of archived journals from %s." per journal directory, at info
 * level, so on stderr).
 *
 * The persistent journal (Storage=auto with /var/log/journal present) holds the active
 * system.journal and the login's user-1000.journal; journald grows a file in 8 MiB steps
 * (FILE_SIZE_INCREASE), so the size is the entries' bytes rounded up to those steps. Nothing
 * has been rotated yet on this two-hour-old node, so vacuuming has no archived file to free.
 */
import { MACHINE } from "../../scenarios/node/identity";
import type { World } from "../../world";

const STEP = 8 * 1024 * 1024;
/** An entry's fields, hash-table items and entry-array slots beside its MESSAGE (roughly). */
const PER_ENTRY = 640;

/** systemd's format_bytes: the largest unit with one decimal, as `16.0M`, `512B`. */
export function formatBytes(bytes: number): string {
  const units = ["E", "P", "T", "G", "M", "K"];
  for (let i = 0; i < units.length; i++) {
    const factor = 1024 ** (units.length - i);
    if (bytes >= factor) {
      const whole = Math.floor(bytes / factor);
      const tenth = Math.floor(((bytes % factor) * 10) / factor);
      return `${whole}.${tenth}${units[i]}`;
    }
  }
  return `${bytes}B`;
}

export function journalBytes(world: World): number {
  let bytes = 0;
  for (const e of world.journal.query()) bytes += PER_ENTRY + e.message.length;
  const system = Math.max(1, Math.ceil(bytes / STEP)) * STEP;
  return system + STEP;
}

export function diskUsage(world: World): string {
  return `Archived and active journals take up ${formatBytes(journalBytes(world))} in the file system.\n`;
}

/** The journal directories sd_journal_open found (its directories_by_path), each vacuumed. */
export function vacuum(): string {
  return ["/var/log/journal", "/run/log/journal", `/var/log/journal/${MACHINE.machineID}`]
    .map((dir) => `Vacuuming done, freed 0B of archived journals from ${dir}.\n`)
    .join("");
}

/** parse_size (base 1024, K/M/G/T/P/E suffixes, optional B) for --vacuum-size. */
export const validSize = (text: string) => /^\d+(\.\d+)?\s*[KMGTPE]?B?$/i.test(text);
/** parse_sec for --vacuum-time: numbers with systemd.time(7) units. */
export const validTime = (text: string) =>
  /^(\s*\d+(\.\d+)?\s*(us|usec|ms|msec|s|sec|seconds?|m|min|minutes?|h|hr|hours?|d|days?|w|weeks?|M|months?|y|years?)?)+\s*$/.test(
    text,
  );
