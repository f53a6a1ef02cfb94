/**
 * `systemctl list-units` for the units systemd has loaded, in systemd 249's table:
 * UNIT LOAD ACTIVE SUB DESCRIPTION with a leading status column, then the legend.
 */
import type { Systemd } from "../../node/systemd/manager";

export function renderListUnits(systemd: Systemd): string {
  const units = systemd.loadedUnits().filter((u) => u.activeState !== "inactive");
  const rows = units.map((u) => [u.name, "loaded", u.activeState, u.subState, systemd.description(u)]);
  const header = ["UNIT", "LOAD", "ACTIVE", "SUB", "DESCRIPTION"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const fmt = (cells: string[], mark: string) =>
    `${mark} ${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join(" ")}`.trimEnd();
  const lines = [fmt(header, " "), ...rows.map((r, i) => fmt(r, units[i]?.activeState === "failed" ? "●" : " "))];
  lines.push(
    "",
    "LOAD   = Reflects whether the unit definition was properly loaded.",
    "ACTIVE = The high-level unit activation state, i.e. generalization of SUB.",
    "SUB    = The low-level unit activation state, values depend on unit type.",
    `${units.length} loaded units listed. Pass --all to see loaded but inactive units, too.`,
    "To show all installed unit files use 'systemctl list-unit-files'.",
  );
  return `${lines.join("\n")}\n`;
}
