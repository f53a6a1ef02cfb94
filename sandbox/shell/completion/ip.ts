/**
 * `ip` completion, after bash-completion 2.11's completions/ip: the objects `ip help` lists,
 * then each object's commands, then interface names after `dev` and namespace names for
 * `ip netns exec|delete|pids`, read from the node's network stack.
 */
import type { World } from "../../world";
import { type CommandCompletion, wordsReply } from "./types";

/** iproute2 5.15's `ip help` OBJECT list, plus `help` as bash-completion adds it. */
const OBJECTS = `help address addrlabel fou ila ioam l2tp link macsec maddress monitor mptcp mroute mrule neighbor
  neighbour netconf netns nexthop ntable ntbl route rule sr tap tcpmetrics token tunnel tuntap vrf xfrm`
  .split(/\s+/)
  .filter(Boolean);

/** Each object's commands (bash-completion's lists), by the object's full name. */
const SUBCOMMANDS: Record<string, string> = {
  link: "help add delete set show",
  address: "help add change replace del show flush",
  route: "help list flush get add del change append replace monitor",
  neighbour: "help add del change replace show flush",
  rule: "help list add del flush",
  netns: "help add delete list monitor pids identify exec",
};

/** `ip` accepts any unambiguous prefix of an object (`ip a`, `ip ro`, `ip n`). */
function objectOf(word: string): string | undefined {
  if (word === "a" || word === "addr") return "address";
  if (word.startsWith("neigh") || word === "n") return "neighbour";
  return Object.keys(SUBCOMMANDS).find((o) => o.startsWith(word));
}

const interfaces = (world: World) => world.net.host.links.map((l) => l.name);
const namespaces = (world: World) => world.net.namedNamespaces().map((n) => n.name as string);

export const completeIp: CommandCompletion = ({ world, words, cur, prev }) => {
  const args = words.slice(1, -1).filter((w) => !w.startsWith("-"));
  if (cur.startsWith("-") && args.length === 0)
    return wordsReply([
      "-Version",
      "-statistics",
      "-details",
      "-resolve",
      "-human",
      "-iec",
      "-json",
      "-pretty",
      "-family",
      "-4",
      "-6",
      "-brief",
      "-oneline",
      "-timestamp",
      "-batch",
      "-netns",
      "-Numeric",
      "-all",
      "-color",
    ]);
  if (args.length === 0) return wordsReply(OBJECTS);
  const object = objectOf(args[0] as string);
  if (!object) return wordsReply([]);
  if (args.length === 1) return wordsReply((SUBCOMMANDS[object] ?? "").split(" "));
  if (prev === "dev") return wordsReply(interfaces(world));
  if (object === "netns" && args.length === 2 && ["exec", "delete", "pids"].includes(args[1] as string))
    return wordsReply(namespaces(world));
  if (object === "link" && args.length === 2 && ["show", "set", "delete"].includes(args[1] as string))
    return wordsReply(interfaces(world));
  return wordsReply([]);
};
