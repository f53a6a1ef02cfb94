/**
 * journalctl over the node's one journal: `-u UNIT` (repeatable), `-n N`, `-k`, `-e`,
 * `--no-pager`, `-q`. systemd 249 opens with `-- Journal begins at ..., ends at ... --` and
 * prints `-- No entries --` when nothing matches (src/journal/journalctl.c).
 */
import { canonicalUnitName } from "../../node/systemd/manager";
import { systemdTimestamp } from "../../util/time-format";
import { type Command, fail, ok } from "../types";
import { formatShort } from "./format";

export const journalctl: Command = (args, _io, world) => {
  const units: string[] = [];
  let lines: number | undefined;
  let kernel = false;
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = (inline: string | undefined) => inline ?? args[++i];
    if (arg === "-u" || arg.startsWith("--unit=") || (arg.startsWith("-u") && arg.length > 2)) {
      const v = arg === "-u" ? value(undefined) : arg.startsWith("--unit=") ? arg.slice(7) : arg.slice(2);
      if (!v) return fail("journalctl: option requires an argument -- 'u'\n");
      units.push(canonicalUnitName(v));
    } else if (arg === "-n" || arg.startsWith("--lines") || /^-n\d+$/.test(arg)) {
      const v =
        arg === "-n" || arg === "--lines" ? value(undefined) : arg.startsWith("--lines=") ? arg.slice(8) : arg.slice(2);
      if (v === "all") lines = undefined;
      else if (!v || !/^\+?\d+$/.test(v)) return fail(`Failed to parse lines '${v ?? ""}'\n`);
      else lines = Number(v);
    } else if (arg === "-e" || arg === "--pager-end") {
      lines ??= 1000;
    } else if (arg === "-k" || arg === "--dmesg") {
      kernel = true;
    } else if (arg === "-q" || arg === "--quiet") {
      quiet = true;
    } else if (
      ["--no-pager", "-x", "--catalog", "-b", "--boot", "-l", "--full", "-a", "--all", "--no-hostname"].includes(arg)
    ) {
      // No pager, catalog texts or other boots here: these change nothing in the output.
    } else if (arg === "-f" || arg === "--follow") {
      lines ??= 10;
    } else {
      return fail(`journalctl: unrecognized option '${arg}'\n`);
    }
  }

  const all = world.journal.query();
  let entries = kernel
    ? all.filter((e) => e.identifier === "kernel")
    : units.length
      ? all.filter((e) => e.unit !== undefined && units.includes(e.unit))
      : all;
  if (lines !== undefined) entries = entries.slice(Math.max(0, entries.length - lines));

  const first = all[0];
  const last = all.at(-1);
  let out = "";
  if (!quiet && first && last) {
    out += `-- Journal begins at ${systemdTimestamp(first.usec / 1000)}, ends at ${systemdTimestamp(last.usec / 1000)}. --\n`;
  }
  if (entries.length === 0) return ok(`${out}${quiet ? "" : "-- No entries --\n"}`);
  for (const e of entries) out += `${formatShort(e, world.hostname)}\n`;
  return ok(out);
};
