/**
 * systemd unit files: where they are looked up, how drop-ins merge, and the INI dialect
 * (systemd.syntax(7)): `[Section]`, `Key=Value`, `#`/`;` comments, backslash continuation,
 * list settings that accumulate, and an empty assignment that resets a list.
 */
import type { NodeFs } from "../fs";

/** Search path, highest precedence first (systemd.unit(5), "System Unit Search Path"). */
export const UNIT_DIRS = ["/etc/systemd/system", "/run/systemd/system", "/lib/systemd/system"];

export type UnitSettings = Map<string, string[]>;

export interface UnitDefinition {
  name: string;
  /** The file the unit comes from (`Loaded:` line). */
  fragmentPath: string;
  /** Drop-in directory and file names, in the order they apply. */
  dropIns: { dir: string; files: string[] }[];
  /** Settings keyed `Section.Key` (e.g. `Service.ExecStartPre`), values in order. */
  settings: UnitSettings;
  /** Every file read, with its text at load time, to detect "changed on disk". */
  sources: Map<string, string>;
}

export function parseUnitText(text: string, into: UnitSettings = new Map()): UnitSettings {
  for (const [key, value] of assignments(text)) {
    if (value === "") into.set(key, []);
    else into.set(key, [...(into.get(key) ?? []), value]);
  }
  return into;
}

/**
 * A unit file's `Section.Key=value` lines in order, kept per text: every boot loads the same
 * few dozen unit files (and a restart reloads one), so each text is split once per page.
 */
function assignments(text: string): readonly (readonly [string, string])[] {
  let parsed = parsedTexts.get(text);
  if (parsed) return parsed;
  const out: [string, string][] = [];
  let section = "";
  for (const raw of text.replace(/\\\n/g, " ").split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1] ?? "";
      continue;
    }
    const eq = line.indexOf("=");
    if (eq < 0) continue;
    out.push([`${section}.${line.slice(0, eq).trim()}`, line.slice(eq + 1).trim()]);
  }
  if (parsedTexts.size > 512) parsedTexts.clear();
  parsed = out;
  parsedTexts.set(text, parsed);
  return parsed;
}

const parsedTexts = new Map<string, readonly (readonly [string, string])[]>();

/**
 * Masked: a link to /dev/null in /etc/systemd/system or /run/systemd/system (systemctl mask),
 * which hides the unit file below it (systemd.unit(5)).
 */
export function isMasked(fs: NodeFs, name: string): boolean {
  return UNIT_DIRS.slice(0, 2).some((dir) => {
    const path = `${dir}/${name}`;
    // Only a symlink as the last component can resolve to /dev/null from a name like
    // `kubelet.service`; resolving (cached) spares the ENOENT that stat throws for the
    // usual case, a unit that is not in /etc or /run at all.
    try {
      return fs.resolve(path) === "/dev/null";
    } catch {
      return false;
    }
  });
}

export function loadUnit(fs: NodeFs, name: string): UnitDefinition | undefined {
  if (isMasked(fs, name)) return undefined;
  const fragmentDir = UNIT_DIRS.find((dir) => fs.existsSync(`${dir}/${name}`));
  if (!fragmentDir) return undefined;
  const fragmentPath = `${fragmentDir}/${name}`;
  const sources = new Map<string, string>();
  const text = fs.readFileSync(fragmentPath);
  sources.set(fragmentPath, text);
  const settings = parseUnitText(text);

  // Drop-ins from every directory of the search path; a file name in a higher-precedence
  // directory masks the same name lower down; all apply in lexical order of file name.
  const byName = new Map<string, string>();
  const dropIns: { dir: string; files: string[] }[] = [];
  for (const dir of UNIT_DIRS) {
    const dropDir = `${dir}/${name}.d`;
    if (!fs.isDirectorySync(dropDir)) continue;
    const files = fs.readdirSync(dropDir).filter((f) => f.endsWith(".conf"));
    if (files.length) dropIns.push({ dir: dropDir, files });
    for (const f of files) if (!byName.has(f)) byName.set(f, `${dropDir}/${f}`);
  }
  for (const file of [...byName.keys()].sort()) {
    const path = byName.get(file) as string;
    const dropText = fs.readFileSync(path);
    sources.set(path, dropText);
    parseUnitText(dropText, settings);
  }
  return { name, fragmentPath, dropIns, settings, sources };
}

/** True when a file the unit was loaded from changed, appeared or vanished since. */
export function changedOnDisk(fs: NodeFs, unit: UnitDefinition): boolean {
  const fresh = loadUnit(fs, unit.name);
  if (!fresh) return true;
  if (fresh.sources.size !== unit.sources.size) return true;
  for (const [path, text] of fresh.sources) if (unit.sources.get(path) !== text) return true;
  return false;
}

export function setting(unit: UnitDefinition, key: string): string | undefined {
  return unit.settings.get(key)?.at(-1);
}

export function settingList(unit: UnitDefinition, key: string): string[] {
  return unit.settings.get(key) ?? [];
}

/** Space-separated unit lists (`After=a.service b.target`), across repeated lines. */
export function unitList(unit: UnitDefinition, key: string): string[] {
  return settingList(unit, key).flatMap((v) => v.split(/\s+/).filter(Boolean));
}

/**
 * Expand `$VAR` and `${VAR}` in an Exec line the way systemd.service(5) "Command lines"
 * describes: `${VAR}` substitutes as one word, a bare `$VAR` word splits on whitespace.
 * Quotes group words; the quotes themselves are removed.
 */
export function expandExecLine(line: string, env: Record<string, string>): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m[3] !== undefined) {
      const bare = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(m[3]);
      if (bare) {
        words.push(...(env[bare[1] as string] ?? "").split(/\s+/).filter(Boolean));
        continue;
      }
    }
    // Quotes inside a word (`--node-labels="${X}"`) group and are removed, as systemd's
    // extract_first_word(EXTRACT_UNQUOTE) does; values here hold no spaces.
    const raw = m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : (m[2] ?? (m[3] ?? "").replace(/"/g, ""));
    words.push(raw.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, v: string) => env[v] ?? ""));
  }
  return words;
}

/** EnvironmentFile= format: KEY=VALUE lines, optional quotes, `#` comments. */
export function parseEnvironmentFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) continue;
    const eq = line.indexOf("=");
    if (eq < 0) continue;
    let value = line.slice(eq + 1).trim();
    if (/^".*"$/.test(value) || /^'.*'$/.test(value)) value = value.slice(1, -1);
    env[line.slice(0, eq).trim()] = value;
  }
  return env;
}
