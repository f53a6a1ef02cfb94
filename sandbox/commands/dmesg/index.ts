/**
 * `dmesg` as util-linux 2.37.2 prints the kernel ring buffer: `[%5ld.%06ld] message`, seconds
 * since boot; `-T` for ctime stamps (`[Thu Oct 30 14:02:11 2025]`), `-l/--level` to filter by
 * priority, `-k` accepted. The buffer is the kernel's boot messages plus everything the kernel
 * journaled since (`identifier: kernel`: OOM kills and the like), in time order.
 */
import { type Command, fail, ok } from "../types";
import { BOOT_MESSAGES } from "./boot";

const LEVELS = ["emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function ctime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

export const dmesg: Command = (args, _io, world) => {
  let human = false;
  let levels: Set<number> | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "-T" || arg === "--ctime") human = true;
    else if (arg === "-k" || arg === "--kernel") continue;
    else if (arg === "-l" || arg === "--level" || arg.startsWith("--level=")) {
      const spec = arg.startsWith("--level=") ? arg.slice(8) : args[++i];
      if (spec === undefined)
        return fail(`dmesg: option requires an argument -- 'l'\nTry 'dmesg --help' for more information.\n`);
      levels = new Set();
      for (const name of spec.split(",")) {
        const at = LEVELS.indexOf(name);
        if (at < 0) return fail(`dmesg: unknown level '${name}'\n`);
        levels.add(at);
      }
    } else {
      const c = arg.startsWith("--") ? arg : `-- '${arg.slice(1, 2)}'`;
      return fail(
        arg.startsWith("--")
          ? `dmesg: unrecognized option '${arg}'\nTry 'dmesg --help' for more information.\n`
          : `dmesg: invalid option ${c}\nTry 'dmesg --help' for more information.\n`,
      );
    }
  }
  const boot = world.bootTime;
  const records: [number, number, string][] = [
    ...BOOT_MESSAGES.map(([s, prio, msg]) => [Math.round(s * 1e6), prio, msg] as [number, number, string]),
    ...world.journal
      .query()
      .filter((e) => e.identifier === "kernel")
      // The version banner is the ring buffer's first line; the journal stamps it a little later.
      .map(
        (e) =>
          [e.message.startsWith("Linux version") ? -1 : Math.max(0, e.usec - boot * 1000), e.priority, e.message] as [
            number,
            number,
            string,
          ],
      ),
  ]
    .sort((a, b) => a[0] - b[0])
    .map(([usec, prio, msg]) => [Math.max(0, usec), prio, msg] as [number, number, string]);
  const out = records
    .filter(([, prio]) => !levels || levels.has(prio))
    .map(([usec, , msg]) => {
      const stamp = human
        ? ctime(boot + Math.floor(usec / 1000))
        : `${String(Math.floor(usec / 1e6)).padStart(5)}.${String(usec % 1e6).padStart(6, "0")}`;
      return `[${stamp}] ${msg}\n`;
    })
    .join("");
  return ok(out);
};
