/**
 * urfave/cli v2 flag parsing as crictl configures it: `--name value`, `--name=value`,
 * `-n value`, bool flags, and combined short bool flags (`-aq`, UseShortOptionHandling).
 * Flags are data: { long, short, takesValue }.
 */
export interface FlagSpec {
  long: string;
  short?: string;
  value?: boolean;
  /** An int/int64 flag: a value strconv cannot parse is a usage error. */
  int?: boolean;
}

export interface Parsed {
  flags: Map<string, string | true>;
  args: string[];
}

/** Returns the parsed flags, or the urfave/cli error text for an unknown flag. */
export function parseFlags(argv: string[], specs: FlagSpec[]): Parsed | { error: string } {
  const byName = new Map<string, FlagSpec>();
  for (const s of specs) {
    byName.set(s.long, s);
    if (s.short) byName.set(s.short, s);
  }
  const flags = new Map<string, string | true>();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      args.push(a);
      continue;
    }
    const body = a.replace(/^--?/, "");
    const eq = body.indexOf("=");
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const spec = byName.get(name);
    if (!spec) {
      // -aq: every letter a known bool flag
      const letters = a.startsWith("--") ? [] : [...body];
      if (letters.length > 1 && letters.every((l) => byName.get(l) && !byName.get(l)?.value)) {
        for (const l of letters) flags.set((byName.get(l) as FlagSpec).long, true);
        continue;
      }
      return { error: `flag provided but not defined: -${name}` };
    }
    if (!spec.value) {
      flags.set(spec.long, true);
      continue;
    }
    const v = eq >= 0 ? body.slice(eq + 1) : argv[++i];
    if (v === undefined) return { error: `flag needs an argument: -${name}` };
    if (spec.int && !/^-?\d+$/.test(v)) return { error: `invalid value "${v}" for flag -${name}: parse error` };
    flags.set(spec.long, v);
  }
  return { flags, args };
}

export const str = (p: Parsed, long: string): string | undefined => {
  const v = p.flags.get(long);
  return typeof v === "string" ? v : undefined;
};
export const bool = (p: Parsed, long: string): boolean => p.flags.get(long) === true;
