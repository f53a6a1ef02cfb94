/**
 * `timedatectl` (systemd 249, src/timedate/timedatectl.c print_status_info): the node's time
 * is the simulated clock's, in UTC (Etc/UTC on the Ubuntu cloud image); the RTC is Hyper-V's,
 * which keeps UTC; chrony keeps the clock synchronized from the host (PHC / Azure's NTP), so
 * `System clock synchronized: yes` and `NTP service: active`. `show` prints the properties.
 */
import { systemdTimestamp } from "../../util/time-format";
import { type Command, fail, ok } from "../types";

const VERBS_SETTING = ["set-time", "set-timezone", "set-local-rtc", "set-ntp"];

export const timedatectl: Command = (args, _io, world) => {
  const option = args.find((a) => a.startsWith("-") && !["--no-pager", "--no-ask-password"].includes(a));
  if (option) return fail(`timedatectl: unrecognized option '${option}'\n`);
  const [verb = "status", ...rest] = args.filter((a) => !a.startsWith("-"));
  const now = world.clock.now();
  const utc = systemdTimestamp(now);
  if (verb === "status") {
    if (rest.length) return fail("Too many arguments.\n");
    const rows: [string, string][] = [
      ["Local time", utc],
      ["Universal time", utc],
      ["RTC time", utc.replace(/ UTC$/, "")],
      ["Time zone", "Etc/UTC (UTC, +0000)"],
      ["System clock synchronized", "yes"],
      ["NTP service", "active"],
      ["RTC in local TZ", "no"],
    ];
    return ok(rows.map(([k, v]) => `${k.padStart(25)}: ${v}\n`).join(""));
  }
  if (verb === "show") {
    return ok(
      `Timezone=Etc/UTC\nLocalRTC=no\nCanNTP=yes\nNTP=yes\nNTPSynchronized=yes\nTimeUSec=${utc}\nRTCTimeUSec=${utc}\n`,
    );
  }
  if (verb === "list-timezones") return ok("Etc/UTC\nUTC\n");
  if (VERBS_SETTING.includes(verb))
    return fail(`Failed to ${verb.replace("-", " ")}: this node's clock is the simulation's; it cannot be changed\n`);
  return fail(`Unknown command verb ${verb}.\n`);
};
