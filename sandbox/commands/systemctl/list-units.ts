/**
 * `systemctl list-units` and `list-unit-files` in systemd 249's tables (src/systemctl/
 * systemctl-list-units.c, systemctl-list-unit-files.c): columns one space apart, a leading
 * status column where failed units get `●`, then the legend. `--all` adds inactive units,
 * `--type=` and `--state=` filter (a state matches LOAD, ACTIVE or SUB, as systemd's does).
 */
import type { Systemd } from "../../node/systemd/manager";

function table(header: string[], rows: string[][], lead?: (i: number) => string): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const fmt = (cells: string[], mark: string | undefined) =>
    `${mark === undefined ? "" : `${mark} `}${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join(" ")}`.trimEnd();
  return [fmt(header, lead ? " " : undefined), ...rows.map((r, i) => fmt(r, lead?.(i)))];
}

export interface ListUnitsOptions {
  all: boolean;
  types: string[];
  states: string[];
  legend: boolean;
}

export function renderListUnits(systemd: Systemd, o: ListUnitsOptions): string {
  const units = systemd.loadedUnits().filter((u) => {
    const load = u.def ? "loaded" : "not-found";
    if (o.types.length && !o.types.some((t) => u.name.endsWith(`.${t}`))) return false;
    if (o.states.length) return o.states.some((s) => s === load || s === u.activeState || s === u.subState);
    return o.all || u.activeState !== "inactive";
  });
  const rows = units.map((u) => [
    u.name,
    u.def ? "loaded" : "not-found",
    u.activeState,
    u.subState,
    systemd.description(u),
  ]);
  const lines = table(["UNIT", "LOAD", "ACTIVE", "SUB", "DESCRIPTION"], rows, (i) =>
    units[i]?.activeState === "failed" ? "●" : " ",
  );
  // --no-legend: the same aligned rows, without the header and the legend.
  if (!o.legend) return lines.length > 1 ? `${lines.slice(1).join("\n")}\n` : "";
  if (units.length) {
    lines.push(
      "",
      "LOAD   = Reflects whether the unit definition was properly loaded.",
      "ACTIVE = The high-level unit activation state, i.e. generalization of SUB.",
      "SUB    = The low-level unit activation state, values depend on unit type.",
    );
  }
  lines.push(
    o.all
      ? `${units.length} loaded units listed.`
      : `${units.length} loaded units listed. Pass --all to see loaded but inactive units, too.`,
    "To show all installed unit files use 'systemctl list-unit-files'.",
  );
  return `${lines.join("\n")}\n`;
}

export function renderListUnitFiles(
  systemd: Systemd,
  o: { types: string[]; states: string[]; legend: boolean },
): string {
  const rows = systemd
    .unitFileNames()
    .filter((name) => !o.types.length || o.types.some((t) => name.endsWith(`.${t}`)))
    .map((name) => {
      // Ubuntu presets every unit enabled; a static unit has no preset to compare with.
      const state = systemd.enablement(name);
      return [name, state, state === "static" ? "-" : "enabled"];
    })
    .filter((r) => !o.states.length || o.states.includes(r[1] as string));
  const lines = table(["UNIT FILE", "STATE", "VENDOR PRESET"], rows);
  if (!o.legend) return lines.length > 1 ? `${lines.slice(1).join("\n")}\n` : "";
  lines.push("", `${rows.length} unit files listed.`);
  return `${lines.join("\n")}\n`;
}
