/**
 * The node's live picture for the page's diagram (types.ts), read from the World the way
 * grading reads it: units from systemd, the Ready condition from the API's Node, pods from the
 * API beside containerd's sandboxes and containers, the CNI config as the runtime loads it, the
 * host's links. Reads only: never runs a command, never moves the clock, takes no ids.
 */
import type { Node, Pod } from "../cluster/types";
import { canonicalUnitName, type UnitRuntime } from "../node/systemd/manager";
import { KERNEL, OS_IMAGE } from "../scenarios/node/identity";
import type { World } from "../world";
import { podPart } from "./pod-view";
import type { Health, NodeView, PartComponent, UnitPart } from "./types";

/**
 * The units a learner meets in the lessons (node-facts §1 "systemd units of note"): the two the
 * node cannot do without, then the Azure and Ubuntu ones around them, each with its lesson.
 */
const UNITS: readonly [string, PartComponent][] = [
  ["kubelet.service", "kubelet"],
  ["containerd.service", "containerd"],
  ["walinuxagent.service", "os"],
  ["node-problem-detector.service", "agents"],
  ["systemd-networkd.service", "os"],
  ["systemd-resolved.service", "os"],
  ["snapshot-update.timer", "os"],
  ["aks-log-collector.timer", "os"],
];

function unitHealth(rt: UnitRuntime): Health {
  switch (rt.activeState) {
    case "active":
      return "ok";
    case "failed":
      return "failed";
    case "inactive":
      return "stopped";
    default:
      // A unit cycling through Restart= (the kubelet exiting at start) is broken, not starting.
      return rt.subState === "auto-restart" ? "failed" : "progress";
  }
}

function unitPart(world: World, name: string, component: PartComponent): UnitPart {
  const rt = world.systemd.unit(canonicalUnitName(name));
  // systemctl's words: `Unit kubelet.service could not be found.`; a masked unit loads without a file.
  if (!rt) return { name, state: "could not be found", health: "failed", component };
  const masked = rt.def === undefined ? "masked, " : "";
  return { name, state: `${masked}${rt.activeState} (${rt.subState})`, health: unitHealth(rt), component };
}

function readyCondition(world: World): NodeView["ready"] {
  const node = world.store.get<Node>("nodes", world.hostname);
  // The API server's NotFound message, as `kubectl get node` prints it after `Error from server (NotFound):`.
  if (!node) {
    const message = `nodes "${world.hostname}" not found`;
    return { state: "NotReady", status: "Unknown", reason: "", message, health: "failed" };
  }
  const c = node.status.conditions.find((x) => x.type === "Ready");
  if (!c) return { state: "NotReady", status: "Unknown", reason: "", message: "", health: "failed" };
  // printNode: only Ready=True reads Ready; False and Unknown both read NotReady.
  const ready = c.status === "True";
  return {
    state: ready ? "Ready" : "NotReady",
    status: c.status,
    reason: c.reason,
    message: c.message,
    health: ready ? "ok" : "failed",
  };
}

function cniPart(world: World): NodeView["cni"] {
  const status = world.cni.loadStatus();
  if (status.ok) {
    const file = status.path.split("/").pop() as string;
    return { state: "loaded", file, plugin: status.plugins[0]?.type ?? "", health: "ok" };
  }
  const missing = status.error.includes("no network config found");
  return { state: missing ? "missing" : "invalid", error: status.error, health: "failed" };
}

function networkPart(world: World): NodeView["network"] {
  const host = world.net.host;
  const eth0 = host.link("eth0");
  const address = eth0 && host.addresses.find((a) => a.ifindex === eth0.ifindex && a.family === 4);
  return {
    eth0: { address: address ? `${address.local}/${address.prefix}` : "", state: eth0?.state ?? "DOWN" },
    veths: host.links.filter((l) => l.kind === "veth" && l.name.startsWith("azv")).length,
  };
}

function osName(world: World): string {
  const release = world.fs.tryReadFileSync("/etc/os-release") ?? "";
  return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1] ?? OS_IMAGE;
}

export function nodeView(world: World): NodeView {
  const now = world.clock.now();
  const runtime = {
    sandboxes: world.containerd.listPodSandboxes(),
    containers: world.containerd.listContainers(),
    host: world.net.host,
  };
  const pods = world.store
    .list<Pod>("pods")
    .filter((p) => p.spec.nodeName === world.hostname)
    .map((p) => podPart(p, now, runtime))
    // kube-proxy first (a part of the node in its own right), then as kubectl lists them.
    .sort(
      (a, b) =>
        Number(b.role === "kube-proxy") - Number(a.role === "kube-proxy") ||
        a.namespace.localeCompare(b.namespace) ||
        a.name.localeCompare(b.name),
    );
  return {
    hostname: world.hostname,
    os: { name: osName(world), kernel: KERNEL },
    ready: readyCondition(world),
    units: UNITS.map(([name, component]) => unitPart(world, name, component)),
    shims: world.procs.all().filter((p) => (p.argv[0] ?? "").endsWith("/containerd-shim-runc-v2")).length,
    cni: cniPart(world),
    network: networkPart(world),
    pods,
  };
}
