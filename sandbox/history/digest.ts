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
 * The rules as a version number that moves only when their text does (without counters, time
 * 0: the header's date stays put). Rendering iptables-save on every command was most of the
 * fingerprint's cost, and copying its ~20 kB into each fingerprint (two per command) was most
 * of a command's garbage; the tables change on few commands.
 */
const rulesVersion = new WeakMap<Netfilter, { generation: number; text: string; version: number }>();

function rules(nf: Netfilter): string {
  const cached = rulesVersion.get(nf);
  if (cached?.generation === nf.generation) return `rules:${cached.version}`;
  // Without any counters: a packet (curl, dig, ping) moves the built-in chains' policy counters,
  // and a read-only command must not look like a change to undo.
  const text = saveTables(nf, 0, { policyCounters: false });
  const version = cached === undefined ? 0 : cached.text === text ? cached.version : cached.version + 1;
  rulesVersion.set(nf, { generation: nf.generation, text, version });
  return `rules:${version}`;
}

/**
 * Two FNV-1a hashes (64 bits together) fed field by field: a fingerprint is taken before and
 * after every command while the history is open, and building it as one joined string made
 * ~100 kB of garbage per command (the collector's pauses then landed on random commands).
 * A 64-bit collision that would hide a change from undo is not a practical concern here.
 */
class Fingerprint {
  private a = 0x811c9dc5;
  private b = 0x01000193;

  add(value: string | number | undefined): this {
    const text = value === undefined ? "" : typeof value === "number" ? String(value) : value;
    let { a, b } = this;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    // A separator, so that ("ab", "c") and ("a", "bc") differ.
    this.a = Math.imul(a ^ 0x1f, 0x01000193);
    this.b = Math.imul(b ^ 0x1f, 0x5bd1e995);
    return this;
  }

  toString(): string {
    return `${(this.a >>> 0).toString(16)}.${(this.b >>> 0).toString(16)}`;
  }
}

export function stateDigest(world: World): string {
  const f = new Fingerprint().add(world.clock.now()).add(world.store.revision());
  for (const u of world.systemd.loadedUnits()) f.add(u.name).add(u.activeState).add(u.subState).add(u.mainPid);
  f.add("procs");
  for (const p of world.procs.all()) f.add(p.pid);
  f.add("sandboxes");
  for (const s of world.containerd.sandboxes.values()) f.add(s.id).add(s.state);
  f.add("containers");
  for (const c of world.containerd.containers.values()) f.add(c.id).add(c.state);
  f.add("images");
  for (const ref of world.containerd.images.keys()) f.add(ref);
  f.add(rules(world.netfilter));
  for (const ns of world.net.namedNamespaces()) f.add(ns.name).add(ns.links.length).add(ns.routes.length);
  f.add(world.sysctl.generation);
  return f.toString();
}
