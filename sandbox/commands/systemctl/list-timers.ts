/**
 * `systemctl list-timers` as systemd 249 prints it (src/systemctl/systemctl-list-units.c,
 * output_timers_list): NEXT LEFT LAST PASSED UNIT ACTIVATES, one space between columns,
 * timers in order of their next elapse (never again last), `n/a` for a time that is not
 * there, then `N timers listed.` and, without --all, the hint about inactive timers.
 */
import type { Systemd } from "../../node/systemd/manager";
import { timerTarget } from "../../node/systemd/timer";
import { systemdRelative, systemdTimestamp } from "../../util/time-format";

export function renderListTimers(systemd: Systemd, now: number, o: { all: boolean; legend: boolean }): string {
  const timers = systemd
    .loadedUnits()
    .filter((u) => u.name.endsWith(".timer") && u.def && (o.all || u.activeState !== "inactive"))
    .map((u) => ({
      u,
      next: u.activeState === "active" ? u.timer?.nextElapseAt : undefined,
      last: u.timer?.lastTriggerAt,
    }))
    .sort(
      (a, b) =>
        (a.next ?? Number.POSITIVE_INFINITY) - (b.next ?? Number.POSITIVE_INFINITY) || a.u.name.localeCompare(b.u.name),
    );
  const when = (t: number | undefined) => (t === undefined ? "n/a" : systemdTimestamp(t));
  const relative = (t: number | undefined) => (t === undefined ? "n/a" : systemdRelative(now - t));
  const rows = timers.map(({ u, next, last }) => [
    when(next),
    relative(next),
    when(last),
    relative(last),
    u.name,
    timerTarget(u.def as NonNullable<typeof u.def>),
  ]);
  const header = ["NEXT", "LEFT", "LAST", "PASSED", "UNIT", "ACTIVATES"];
  const all = o.legend ? [header, ...rows] : rows;
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const lines = all.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(" ")
      .trimEnd(),
  );
  if (o.legend) {
    lines.push("", `${rows.length} timers listed.`);
    if (!o.all) lines.push("Pass --all to see loaded but inactive timers, too.");
  }
  return `${lines.join("\n")}\n`;
}
