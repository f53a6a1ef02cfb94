/**
 * kubectl describe node (describe.go: describeNode, describeNodeResource): labels, taints,
 * the node Lease, conditions, addresses, capacity, system info, the non-terminated pods with
 * their requests and limits, allocated resources, events.
 */
import { quantityValue } from "../../cluster/quantity";
import type { Lease, Node, Pod } from "../../cluster/types";
import { kubectlAge } from "../../util/time-format";
import type { World } from "../../world";
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline, rfc1123z } from "./describe-format";

/** printTaintsMultilineWithIndent: sorted by effect then key, `key[=value]:effect`. */
function taintsMultiline(node: Node): string {
  const taints = [...(node.spec.taints ?? [])].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  if (!taints.length) return "Taints:\t<none>\n";
  return taints
    .map((t, i) => `${i === 0 ? "Taints:" : ""}\t${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}\n`)
    .join("");
}

/** resource.Quantity.String() for sums: canonical millicores or the largest exact binary suffix. */
function formatQuantity(resource: string, value: number): string {
  if (value === 0) return "0";
  if (resource === "cpu") return value % 1000 === 0 ? String(value / 1000) : `${value}m`;
  for (const [suffix, size] of [
    ["Ti", 2 ** 40],
    ["Gi", 2 ** 30],
    ["Mi", 2 ** 20],
    ["Ki", 2 ** 10],
  ] as const) {
    if (value % size === 0) return `${value / size}${suffix}`;
  }
  return String(value);
}

function podTotals(pod: Pod, kind: "requests" | "limits", resource: string): number {
  return pod.spec.containers.reduce((n, c) => {
    const q = c.resources?.[kind]?.[resource] ?? (kind === "requests" ? c.resources?.limits?.[resource] : undefined);
    const v = q ? quantityValue(resource, q) : 0;
    return n + (Number.isNaN(v) ? 0 : v);
  }, 0);
}

const SORTED_RESOURCES = ["cpu", "ephemeral-storage", "hugepages-1Gi", "hugepages-2Mi", "memory", "pods"];

export function describeNode(world: World, node: Node): string {
  const now = world.clock.now();
  const lease = world.store.get<Lease>("leases", node.metadata.name, "kube-node-lease");
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((k) => k.startsWith("node-role.kubernetes.io/"))
    .map((k) => k.slice("node-role.kubernetes.io/".length));
  let out = `Name:\t${node.metadata.name}\n`;
  out += `Roles:\t${roles.length ? roles.join(",") : "<none>"}\n`;
  out += labelsMultiline("Labels", node.metadata.labels);
  out += annotationsMultiline("Annotations", node.metadata.annotations);
  out += `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`;
  out += taintsMultiline(node);
  out += `Unschedulable:\t${node.spec.unschedulable ? "true" : "false"}\n`;
  out += "Lease:\n";
  out += `  HolderIdentity:\t${lease?.spec.holderIdentity ?? "<unset>"}\n`;
  out += "  AcquireTime:\t<unset>\n";
  out += `  RenewTime:\t${lease ? rfc1123z(lease.spec.renewTime) : "<unset>"}\n`;
  if (node.status.conditions.length) {
    out += "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n";
    out += "  ----\t------\t-----------------\t------------------\t------\t-------\n";
    for (const c of node.status.conditions) {
      out += `  ${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason} \t${c.message}\n`;
    }
  }
  out += "Addresses:\n";
  for (const a of node.status.addresses) out += `  ${a.type}:\t${a.address}\n`;
  const resourceList = (list: Record<string, string>) =>
    Object.keys(list)
      .sort((a, b) => {
        const ia = SORTED_RESOURCES.indexOf(a);
        const ib = SORTED_RESOURCES.indexOf(b);
        return ia >= 0 && ib >= 0 ? ia - ib : a < b ? -1 : 1;
      })
      .map((r) => `  ${r}:\t${list[r]}\n`)
      .join("");
  out += `Capacity:\n${resourceList(node.status.capacity)}`;
  out += `Allocatable:\n${resourceList(node.status.allocatable)}`;
  const info = node.status.nodeInfo;
  out += "System Info:\n";
  out += `  Machine ID:\t${info.machineID}\n  System UUID:\t${info.systemUUID}\n  Boot ID:\t${info.bootID}\n`;
  out += `  Kernel Version:\t${info.kernelVersion}\n  OS Image:\t${info.osImage}\n`;
  out += `  Operating System:\t${info.operatingSystem}\n  Architecture:\t${info.architecture}\n`;
  out += `  Container Runtime Version:\t${info.containerRuntimeVersion}\n  Kubelet Version:\t${info.kubeletVersion}\n`;
  // kubeProxyVersion is deprecated and left empty from 1.31; describe prints it only when set.
  if (info.kubeProxyVersion) out += `  Kube-Proxy Version:\t${info.kubeProxyVersion}\n`;
  if (node.spec.podCIDR) out += `PodCIDR:\t${node.spec.podCIDR}\n`;
  if (node.spec.providerID) out += `ProviderID:\t${node.spec.providerID}\n`;
  out += describeNodeResource(world, node, now);
  out += describeEvents(eventsFor(world, "Node", node.metadata.name), now);
  return out;
}

function describeNodeResource(world: World, node: Node, now: number): string {
  const pods = world.store
    .list<Pod>("pods")
    .filter(
      (p) => p.spec.nodeName === node.metadata.name && p.status.phase !== "Succeeded" && p.status.phase !== "Failed",
    );
  const alloc = node.status.allocatable;
  const total = (r: string) => quantityValue(r, alloc[r] ?? "0");
  const pct = (v: number, r: string) => (total(r) ? Math.trunc((v / total(r)) * 100) : 0);
  const cell = (r: string, v: number) => `${formatQuantity(r, v)} (${pct(v, r)}%)`;
  let out = `Non-terminated Pods:\t(${pods.length} in total)\n`;
  out += "  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n";
  out += "  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n";
  const sums = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const p of pods) {
    const cpuReq = podTotals(p, "requests", "cpu");
    const cpuLim = podTotals(p, "limits", "cpu");
    const memReq = podTotals(p, "requests", "memory");
    const memLim = podTotals(p, "limits", "memory");
    sums.cpuReq += cpuReq;
    sums.cpuLim += cpuLim;
    sums.memReq += memReq;
    sums.memLim += memLim;
    out += `  ${p.metadata.namespace}\t${p.metadata.name}\t\t${cell("cpu", cpuReq)}\t${cell("cpu", cpuLim)}\t${cell("memory", memReq)}\t${cell("memory", memLim)}\t${kubectlAge(now - Date.parse(p.metadata.creationTimestamp))}\n`;
  }
  out += "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n";
  out += "  Resource\tRequests\tLimits\n  --------\t--------\t------\n";
  out += `  cpu\t${cell("cpu", sums.cpuReq)}\t${cell("cpu", sums.cpuLim)}\n`;
  out += `  memory\t${cell("memory", sums.memReq)}\t${cell("memory", sums.memLim)}\n`;
  out += "  ephemeral-storage\t0 (0%)\t0 (0%)\n";
  for (const r of Object.keys(alloc)
    .filter((k) => k.startsWith("hugepages-"))
    .sort())
    out += `  ${r}\t0 (0%)\t0 (0%)\n`;
  return out;
}
