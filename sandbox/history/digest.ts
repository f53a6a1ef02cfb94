/**
 * A fingerprint of the node's state that is not in its files: the clock, the API objects,
 * the units, the processes, the containers, the iptables rules and the network namespaces. Two equal fingerprints taken before and after
 * a command mean the command changed none of it (time only moves when something moves it, so
 * nothing changes by itself while a command runs without sleeping). A component whose state
 * a learner can change belongs here, or undo will miss its changes.
 */
import { saveTables } from "../node/net/iptables-list";
import type { World } from "../world";

export function stateDigest(world: World): string {
  const parts: string[] = [String(world.clock.now()), String(world.store.revision())];
  for (const u of world.systemd.loadedUnits())
    parts.push(`${u.name}:${u.activeState}:${u.subState}:${u.mainPid ?? ""}`);
  for (const p of world.procs.all()) parts.push(String(p.pid));
  for (const s of world.containerd.listPodSandboxes()) parts.push(`${s.id}:${s.state}`);
  for (const c of world.containerd.listContainers()) parts.push(`${c.id}:${c.state}`);
  for (const ref of world.containerd.images.keys()) parts.push(ref);
  // The rules as iptables-save prints them, without counters (time 0: the header's date stays put).
  parts.push(saveTables(world.netfilter, 0));
  for (const ns of world.net.namedNamespaces()) parts.push(`netns:${ns.name}:${ns.links.length}:${ns.routes.length}`);
  parts.push(world.sysctl.digest());
  return parts.join("|");
}
