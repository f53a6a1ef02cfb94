/**
 * `iptables` completion, after bash-completion 2.11's completions/iptables: `-t` offers the
 * tables that file lists (nat, filter, mangle), a chain option (-A -I -D -R -P -F -X -L -Z
 * and their long forms) the chains of the table on the line (`iptables -t T -nL`), `-j` the
 * standard targets and the table's own chains; other options from the help text.
 */
import type { World } from "../../world";
import { type CommandCompletion, wordsReply } from "./types";

const CHAIN_OPTIONS = /^-[AIDRPFXLZ]$|^--(append|insert|delete|replace|policy|flush|delete-chain|list|zero)$/;
const OPTIONS = `--append -A --check -C --delete -D --insert -I --replace -R --list -L --list-rules -S --flush -F
  --zero -Z --new-chain -N --delete-chain -X --policy -P --rename-chain -E --ipv4 -4 --ipv6 -6 --protocol -p
  --source -s --destination -d --match -m --jump -j --goto -g --in-interface -i --out-interface -o --fragment -f
  --table -t --verbose -v --wait -w --wait-interval -W --line-numbers --exact -x --numeric -n --set-counters -c
  --modprobe --help -h --version -V`
  .split(/\s+/)
  .filter(Boolean);

function chains(world: World, table: string): string[] {
  try {
    return world.netfilter.chains(table).map((c) => c.name);
  } catch {
    return []; // no such table: `iptables -t x -nL` prints nothing on stdout
  }
}

export const completeIptables: CommandCompletion = ({ world, words, cur, prev }) => {
  const t = words.findIndex((w) => w === "-t" || w === "--table");
  const table = t >= 0 && t < words.length - 2 ? (words[t + 1] as string) : "filter";
  if (prev === "-t" || prev === "--table") return wordsReply(["nat", "filter", "mangle"]);
  if (CHAIN_OPTIONS.test(prev)) return wordsReply(chains(world, table));
  if (prev === "-j" || prev === "--jump") {
    const builtin = new Set(["INPUT", "OUTPUT", "FORWARD", "PREROUTING", "POSTROUTING"]);
    const own = chains(world, table).filter((c) => !builtin.has(c));
    const standard =
      table === "filter"
        ? ["ACCEPT", "DROP", "LOG", "ULOG", "REJECT"]
        : table === "nat"
          ? ["ACCEPT", "DROP", "LOG", "ULOG", "DNAT", "SNAT", "MASQUERADE", "REDIRECT"]
          : ["ACCEPT", "DROP", "LOG", "ULOG", "MARK", "TOS"];
    return wordsReply([...standard, ...own]);
  }
  if (cur.startsWith("-")) return wordsReply(OPTIONS);
  return wordsReply([]);
};
