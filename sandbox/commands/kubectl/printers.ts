/**
 * kubectl's human-readable columns (k8s.io/kubernetes pkg/printers/internalversion/printers.go)
 * for the resources the node lessons use.
 */
import type { KubeEvent, Node, Pod } from "../../cluster/types";
import { kubectlAge } from "../../util/time-format";

const age = (now: number, stamp: string | undefined) => (stamp ? kubectlAge(now - Date.parse(stamp)) : "<unknown>");

/** printNode: Ready/NotReady/Unknown, plus SchedulingDisabled when cordoned. */
export function nodeStatus(node: Node): string {
  const ready = node.status.conditions.find((c) => c.type === "Ready");
  const parts = [ready?.status === "True" ? "Ready" : ready ? "NotReady" : "Unknown"];
  if (node.spec.unschedulable) parts.push("SchedulingDisabled");
  return parts.join(",");
}

/** node-role.kubernetes.io/<role> labels, or <none>. */
function nodeRoles(node: Node): string {
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((k) => k.startsWith("node-role.kubernetes.io/"))
    .map((k) => k.slice("node-role.kubernetes.io/".length));
  return roles.length ? roles.sort().join(",") : "<none>";
}

export function nodeRows(nodes: Node[], now: number, wide: boolean): string[][] {
  const header = ["NAME", "STATUS", "ROLES", "AGE", "VERSION"];
  if (wide) header.push("INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME");
  return [
    header,
    ...nodes.map((n) => {
      const row = [
        n.metadata.name,
        nodeStatus(n),
        nodeRoles(n),
        age(now, n.metadata.creationTimestamp),
        n.status.nodeInfo.kubeletVersion,
      ];
      if (wide) {
        const addr = (t: string) => n.status.addresses.find((a) => a.type === t)?.address ?? "<none>";
        row.push(
          addr("InternalIP"),
          addr("ExternalIP"),
          n.status.nodeInfo.osImage,
          n.status.nodeInfo.kernelVersion,
          n.status.nodeInfo.containerRuntimeVersion,
        );
      }
      return row;
    }),
  ];
}

/** printPod's STATUS: phase, overridden by the pod's reason and its containers' reasons. */
export function podStatus(pod: Pod): string {
  let reason = pod.status.reason ?? pod.status.phase;
  for (const cs of pod.status.containerStatuses ?? []) {
    if (cs.state.waiting?.reason) reason = cs.state.waiting.reason;
    else if (cs.state.terminated?.reason) reason = cs.state.terminated.reason;
  }
  if (reason === "Running" && (pod.status.containerStatuses ?? []).some((c) => !c.state.running)) reason = "NotReady";
  return reason;
}

function restarts(pod: Pod, now: number): string {
  const statuses = pod.status.containerStatuses ?? [];
  const count = statuses.reduce((n, c) => n + c.restartCount, 0);
  const last = statuses
    .map((c) => c.lastState?.terminated?.finishedAt)
    .filter((t): t is string => Boolean(t))
    .sort()
    .at(-1);
  return last ? `${count} (${kubectlAge(now - Date.parse(last))} ago)` : String(count);
}

export function podRows(pods: Pod[], now: number, wide: boolean, withNamespace: boolean): string[][] {
  const header = ["NAME", "READY", "STATUS", "RESTARTS", "AGE"];
  if (withNamespace) header.unshift("NAMESPACE");
  if (wide) header.push("IP", "NODE", "NOMINATED NODE", "READINESS GATES");
  return [
    header,
    ...pods.map((p) => {
      const statuses = p.status.containerStatuses ?? [];
      const ready = `${statuses.filter((c) => c.ready).length}/${p.spec.containers.length}`;
      const row = [p.metadata.name, ready, podStatus(p), restarts(p, now), age(now, p.metadata.creationTimestamp)];
      if (withNamespace) row.unshift(p.metadata.namespace ?? "default");
      if (wide) row.push(p.status.podIP ?? "<none>", p.spec.nodeName ?? "<none>", "<none>", "<none>");
      return row;
    }),
  ];
}

export function eventRows(events: KubeEvent[], now: number, withNamespace: boolean): string[][] {
  const header = ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"];
  if (withNamespace) header.unshift("NAMESPACE");
  const sorted = [...events].sort((a, b) => a.lastTimestamp.localeCompare(b.lastTimestamp));
  return [
    header,
    ...sorted.map((e) => {
      const row = [
        age(now, e.lastTimestamp),
        e.type,
        e.reason,
        `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`,
        e.message,
      ];
      if (withNamespace) row.unshift(e.metadata.namespace ?? "default");
      return row;
    }),
  ];
}
