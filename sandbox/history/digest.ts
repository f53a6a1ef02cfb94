/**
 * A fingerprint of the node's state that is not in its files: the clock, the API objects,
 * the units, the processes, the containers, the iptables rules and the network namespaces. Two equal fingerprints taken before and after
 * a command mean the command changed none of it (time only moves when something moves it, so
 * nothing changes by itself while a command runs without sleeping). A component whose state
 * a learner can change belongs here, or undo will miss its changes.
 */
import type { Netfilter } from "../node/net/iptables";
import { saveTables } from "../node/net/iptables-list";
import type { World } from "../world";

/**
 * The rules' text by the tables' generation: rendering iptables-save on every command was
 * most of the fingerprint's cost, and the tables change on few commands.
 */
const rulesText = new WeakMap<Netfilter, { generation: number; text: string }>();

function rules(nf: Netfilter): string {
  const cached = rulesText.get(nf);
  if (cached?.generation === nf.generation) return cached.text;
  // Without counters (time 0: the header's date stays put).
  const text = saveTables(nf, 0);
  rulesText.set(nf, { generation: nf.generation, text });
  return text;
}

export function stateDigest(world: World): string {
  const parts: string[] = [String(world.clock.now()), String(world.store.revision())];
  for (const u of world.systemd.loadedUnits())
    parts.push(`${u.name}:${u.activeState}:${u.subState}:${u.mainPid ?? ""}`);
  for (const p of world.procs.all()) parts.push(String(p.pid));
  for (const s of world.containerd.listPodSandboxes()) parts.push(`${s.id}:${s.state}`);
  for (const c of world.containerd.listContainers()) parts.push(`${c.id}:${c.state}`);
  for (const ref of world.containerd.images.keys()) parts.push(ref);
  parts.push(rules(world.netfilter));
  for (const ns of world.net.namedNamespaces()) parts.push(`netns:${ns.name}:${ns.links.length}:${ns.routes.length}`);
  parts.push(world.sysctl.digest());
  return parts.join("|");
}
