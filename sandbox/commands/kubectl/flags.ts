/**
 * kubectl's flag parsing (cobra + pflag): `--name=value`, `--name value`, `-n value`, `-nvalue`,
 * booleans with optional `=true|false`, and pflag's error texts followed by cobra's usage hint.
 */
export interface FlagSpec {
  /** Long names without dashes, e.g. "namespace"; the first is the key in the result. */
  long: string[];
  short?: string;
  /** `strings`: a string slice; repeated flags and commas add to it (kept joined by commas). */
  type: "string" | "bool" | "int" | "strings";
}

export type FlagValues = Record<string, string | boolean | undefined>;

/** Flags every kubectl command takes (kubectl's persistent flags that the node lessons need). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { long: ["namespace"], short: "n", type: "string" },
  { long: ["kubeconfig"], type: "string" },
  { long: ["context"], type: "string" },
  { long: ["v"], short: "v", type: "string" },
];

export type Parsed = { flags: FlagValues; args: string[] } | { error: string };

export function parseFlags(verb: string, argv: string[], specs: FlagSpec[]): Parsed {
  const all = [...GLOBAL_FLAGS, ...specs];
  const flags: FlagValues = {};
  const args: string[] = [];
  const hint = `\nSee 'kubectl ${verb} --help' for usage.`;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const [name, inline] = splitOnce(a.slice(2));
      const spec = all.find((s) => s.long.includes(name));
      if (!spec) return { error: `error: unknown flag: --${name}${hint}` };
      const key = spec.long[0] as string;
      if (spec.type === "bool") {
        if (inline !== undefined && !/^(true|false|1|0|t|f|TRUE|FALSE|True|False)$/.test(inline))
          return {
            error: `error: invalid argument "${inline}" for "--${name}" flag: strconv.ParseBool: parsing "${inline}": invalid syntax${hint}`,
          };
        flags[key] = inline === undefined ? true : /^(true|1|t|TRUE|True)$/.test(inline);
        continue;
      }
      const value = inline ?? argv[++i];
      if (value === undefined) return { error: `error: flag needs an argument: --${name}${hint}` };
      const bad = checkInt(spec, value, `--${name}`);
      if (bad) return { error: `${bad}${hint}` };
      flags[key] = spec.type === "strings" && typeof flags[key] === "string" ? `${flags[key]},${value}` : value;
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      const letter = a[1] as string;
      const spec = all.find((s) => s.short === letter);
      if (!spec) return { error: `error: unknown shorthand flag: '${letter}' in ${a}${hint}` };
      const key = spec.long[0] as string;
      if (spec.type === "bool") {
        flags[key] = true;
        continue;
      }
      const rest = a.slice(2).replace(/^=/, "");
      const value = rest || argv[++i];
      if (value === undefined) return { error: `error: flag needs an argument: '${letter}' in -${letter}${hint}` };
      const bad = checkInt(spec, value, `-${letter}, --${key}`);
      if (bad) return { error: `${bad}${hint}` };
      flags[key] = spec.type === "strings" && typeof flags[key] === "string" ? `${flags[key]},${value}` : value;
      continue;
    }
    args.push(a);
  }
  return { flags, args };
}

function splitOnce(s: string): [string, string | undefined] {
  const i = s.indexOf("=");
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

function checkInt(spec: FlagSpec, value: string, shown: string): string | undefined {
  if (spec.type !== "int" || /^-?\d+$/.test(value)) return undefined;
  return `error: invalid argument "${value}" for "${shown}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`;
}

export const str = (v: string | boolean | undefined): string | undefined => (typeof v === "string" ? v : undefined);
