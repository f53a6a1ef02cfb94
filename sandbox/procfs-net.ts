/**
 * /proc/PID/net (and /proc/net, the reading process's): the files of the network namespace
 * the process lives in. A pod's pause and containers see the pod's namespace (its routes, its
 * eth0 and lo, no sockets: the pods' own sockets are not modelled); every other process, and
 * the learner's shell unless `ip netns exec`/`nsenter -n` put it elsewhere, the host's.
 * Sockets are the host programs' listeners (node/net/listeners.ts), the ones `ss` prints.
 */
import type { SimClock } from "./clock";
import type { Conntrack } from "./node/net/conntrack";
import type { Listener, Listeners } from "./node/net/listeners";
import { procConntrack, procDev, procRoute, procTcp, procUdp, type SocketFacts } from "./node/net/procnet";
import type { NetworkStack } from "./node/net/stack";
import type { NetFiles } from "./node/proc";
import type { ProcessTable } from "./node/processes";
import type { Sysctl } from "./node/sysctl";
import { uidOf } from "./node/users";
import { type NetnsOwners, netnsOfPid } from "./runtime/netns-of";
import { sha256Hex } from "./util/sha256";

export interface ProcNetHost {
  clock: SimClock;
  net: NetworkStack;
  listeners: Listeners;
  conntrack: Conntrack;
  sysctl: Sysctl;
  procs: ProcessTable;
  containerd: NetnsOwners;
  /** The network namespace the learner's shell is running a command in now (undefined: the host's). */
  shellNetns?: () => string | undefined;
}

/** The learner's login shell (procfs.ts and bash-shell.ts give it this PID). */
const SHELL_PID = 4121;

/** Who owns a socket's inode, its inode number and its struct sock's address, stable per socket. */
function socketFacts(world: ProcNetHost, l: Listener): SocketFacts {
  const h = sha256Hex(`socket:${l.pid ?? l.owner}:${l.fd ?? 0}:${l.protocol ?? "tcp"}:${l.host}:${l.port}`);
  const user = l.pid !== undefined ? world.procs.get(l.pid)?.user : undefined;
  // %pK: kernel.kptr_restrict=2 hides kernel pointers even from root; 0 and 1 show them to root.
  const hidden = world.sysctl.get("kernel/kptr_restrict") === "2";
  return {
    uid: l.uid ?? uidOf(user ?? "root"),
    inode: 18_000 + (Number.parseInt(h.slice(0, 6), 16) % 40_000),
    pointer: hidden ? "0000000000000000" : `ffff8f3c${h.slice(6, 12)}00`,
  };
}

export function procNetFiles(world: ProcNetHost): NetFiles {
  return (pid) => {
    const name = pid === SHELL_PID ? world.shellNetns?.() : netnsOfPid(world.containerd, pid);
    const ns = world.net.namespace(name) ?? world.net.host;
    const host = ns === world.net.host;
    // The node's programs hold their sockets in the host's namespace only.
    const sockets = host ? world.listeners.all() : [];
    const facts = (l: Listener) => socketFacts(world, l);
    const now = world.clock.now();
    return {
      dev: () => procDev(ns, now),
      // conntrack is per namespace too; a pod's has no rules that would make it track anything.
      nf_conntrack: () => procConntrack(host ? world.conntrack.list() : [], now),
      route: () => procRoute(ns),
      tcp: () => procTcp(sockets, false, facts),
      tcp6: () => procTcp(sockets, true, facts),
      udp: () => procUdp(sockets, false, facts),
      udp6: () => procUdp(sockets, true, facts),
    };
  };
}
