/**
 * `uptime` as procps-ng 3.3.17 prints it (proc/whattime.c sprint_uptime and uptime.c):
 * ` 16:06:00 up  2:03,  1 user,  load average: 0.31, 0.24, 0.19`, `-p` (pretty), `-s` (since).
 */
import { loadAverage } from "../../node/loadavg";
import type { World } from "../../world";
import { type Command, fail, ok } from "../types";

const pad2 = (n: number) => String(n).padStart(2, "0");

/** The learner's login session is the one user logged in. */
const USERS = 1;

/** Summed CPU share of the running daemons (what the load model wakes up for). */
export function busyShare(world: World): number {
  return world.systemd
    .loadedUnits()
    .filter((u) => u.mainPid !== undefined)
    .reduce((sum, u) => sum + (u.cpuShare ?? 0), 0);
}

export function uptimeLine(world: World): string {
  const now = new Date(world.clock.now());
  const upMin = Math.floor((world.clock.now() - world.bootTime) / 60_000);
  const days = Math.floor(upMin / 1440);
  const hours = Math.floor((upMin % 1440) / 60);
  const mins = upMin % 60;
  let line = ` ${pad2(now.getUTCHours())}:${pad2(now.getUTCMinutes())}:${pad2(now.getUTCSeconds())} up `;
  if (days) line += `${days} day${days > 1 ? "s" : ""}, `;
  line += hours ? `${String(hours).padStart(2)}:${pad2(mins)}, ` : `${mins} min, `;
  line += `${String(USERS).padStart(2)} user${USERS === 1 ? "" : "s"}, `;
  const load = loadAverage(world.clock.now(), world.bootTime, busyShare(world));
  return `${line} load average: ${load.one.toFixed(2)}, ${load.five.toFixed(2)}, ${load.fifteen.toFixed(2)}`;
}

/** `up 2 hours, 3 minutes` (uptime.c print_uptime_pretty). */
function pretty(upMs: number): string {
  const min = Math.floor(upMs / 60_000);
  const parts: string[] = [];
  const weeks = Math.floor(min / 10080);
  const days = Math.floor((min % 10080) / 1440);
  const hours = Math.floor((min % 1440) / 60);
  const minutes = min % 60;
  const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? "" : "s"}`;
  if (weeks) parts.push(unit(weeks, "week"));
  if (days) parts.push(unit(days, "day"));
  if (hours) parts.push(unit(hours, "hour"));
  if (minutes || parts.length === 0) parts.push(unit(minutes, "minute"));
  return `up ${parts.join(", ")}`;
}

export const uptime: Command = (args, _io, world) => {
  const mode = args[0];
  if (args.length > 1 || (mode && !["-p", "--pretty", "-s", "--since"].includes(mode))) {
    const bad = mode?.startsWith("-") ? `invalid option -- '${mode.replace(/^-+/, "").slice(0, 1)}'` : undefined;
    const usage =
      "\nUsage:\n uptime [options]\n\nOptions:\n -p, --pretty   show uptime in pretty format\n -h, --help     display this help and exit\n -s, --since    system up since\n -V, --version  output version information and exit\n\nFor more details see uptime(1).\n";
    return fail(bad ? `uptime: ${bad}\n${usage}` : usage);
  }
  if (mode === "-p" || mode === "--pretty") return ok(`${pretty(world.clock.now() - world.bootTime)}\n`);
  if (mode === "-s" || mode === "--since") {
    const b = new Date(world.bootTime);
    return ok(
      `${b.getUTCFullYear()}-${pad2(b.getUTCMonth() + 1)}-${pad2(b.getUTCDate())} ${pad2(b.getUTCHours())}:${pad2(b.getUTCMinutes())}:${pad2(b.getUTCSeconds())}\n`,
    );
  }
  return ok(`${uptimeLine(world)}\n`);
};
