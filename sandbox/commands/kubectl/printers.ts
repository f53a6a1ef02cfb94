/**
 * kubectl's human-readable columns (k8s.io/kubernetes pkg/printers/internalversion/printers.go)
 * for the resources the node lessons use.
 */
import { formatLabels } from "../../cluster/labels";
import type {
  ContainerStatus,
  DaemonSet,
  Deployment,
  EndpointSlice,
  Endpoints,
  KubeEvent,
  Lease,
  Node,
  Pod,
  PodDisruptionBudget,
  PodTemplate,
  ReplicaSet,
  Service,
} from "../../cluster/types";
import { kubectlAge } from "../../util/time-format";

export const age = (now: number, stamp: string | undefined) =>
  stamp ? kubectlAge(now - Date.parse(stamp)) : "<unknown>";

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

/**
 * printPod (printers.go): STATUS, READY and RESTARTS. While an init container has not
 * finished, STATUS is `Init:N/M` or `Init:<its reason>` and RESTARTS counts the init
 * containers'; afterwards the app containers decide, the first one's reason winning.
 */
export function printPod(pod: Pod, now: number): { ready: string; status: string; restarts: string } {
  const sidecars = new Set(
    (pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === "Always").map((c) => c.name),
  );
  let reason = pod.status.reason ?? pod.status.phase;
  let readyCount = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart = "";
  let lastSidecarRestart = "";
  const noteRestart = (finished: string | undefined, sidecar: boolean) => {
    if (finished && finished > lastRestart) lastRestart = finished;
    if (sidecar && finished && finished > lastSidecarRestart) lastSidecarRestart = finished;
  };
  let initializing = false;
  const inits = pod.status.initContainerStatuses ?? [];
  for (const [i, c] of inits.entries()) {
    restarts += c.restartCount;
    noteRestart(c.lastState?.terminated?.finishedAt, false);
    if (sidecars.has(c.name)) {
      sidecarRestarts += c.restartCount;
      noteRestart(c.lastState?.terminated?.finishedAt, true);
    }
    const t = c.state.terminated;
    if (t && t.exitCode === 0) continue;
    if (sidecars.has(c.name) && c.started) {
      if (c.ready) readyCount++;
      continue;
    }
    if (t) reason = t.reason ? `Init:${t.reason}` : `Init:ExitCode:${t.exitCode}`;
    else if (c.state.waiting?.reason && c.state.waiting.reason !== "PodInitializing") {
      reason = `Init:${c.state.waiting.reason}`;
    } else reason = `Init:${i}/${pod.spec.initContainers?.length ?? 0}`;
    initializing = true;
    break;
  }
  const initialized = pod.status.conditions?.some((c) => c.type === "Initialized" && c.status === "True");
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = pod.status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i] as ContainerStatus;
      restarts += c.restartCount;
      noteRestart(c.lastState?.terminated?.finishedAt, false);
      if (c.state.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state.terminated) reason = `ExitCode:${c.state.terminated.exitCode}`;
      else if (c.ready && c.state.running) {
        hasRunning = true;
        readyCount++;
      }
    }
    if (reason === "Completed" && hasRunning) {
      reason = pod.status.conditions?.some((c) => c.type === "Ready" && c.status === "True") ? "Running" : "NotReady";
    }
  }
  const terminal = pod.status.phase === "Succeeded" || pod.status.phase === "Failed";
  if (pod.metadata.deletionTimestamp && pod.status.reason === "NodeLost") reason = "Unknown";
  else if (pod.metadata.deletionTimestamp && !terminal) reason = "Terminating";
  return {
    ready: `${readyCount}/${pod.spec.containers.length + sidecars.size}`,
    status: reason,
    restarts: lastRestart ? `${restarts} (${kubectlAge(now - Date.parse(lastRestart))} ago)` : String(restarts),
  };
}

export function podRows(pods: Pod[], now: number, wide: boolean, withNamespace: boolean): string[][] {
  const header = ["NAME", "READY", "STATUS", "RESTARTS", "AGE"];
  if (withNamespace) header.unshift("NAMESPACE");
  if (wide) header.push("IP", "NODE", "NOMINATED NODE", "READINESS GATES");
  return [
    header,
    ...pods.map((p) => {
      const { ready, status, restarts } = printPod(p, now);
      const row = [p.metadata.name, ready, status, restarts, age(now, p.metadata.creationTimestamp)];
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

/** CONTAINERS and IMAGES of the wide workload columns (layoutContainerCells). */
function containerCells(template: PodTemplate): [string, string] {
  return [
    template.spec.containers.map((c) => c.name).join(","),
    template.spec.containers.map((c) => c.image).join(","),
  ];
}

/** metav1.FormatLabelSelector for matchLabels selectors. */
const selectorText = (s: { matchLabels?: Record<string, string> }) => {
  const t = formatLabels(s.matchLabels);
  return t === "<none>" ? "<none>" : t;
};

export function deploymentRows(items: Deployment[], now: number, wide: boolean, withNs: boolean): string[][] {
  const header = ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"];
  if (wide) header.push("CONTAINERS", "IMAGES", "SELECTOR");
  return table(header, withNs, items, (d) => {
    const row = [
      d.metadata.name,
      `${d.status.readyReplicas ?? 0}/${d.spec.replicas}`,
      String(d.status.updatedReplicas ?? 0),
      String(d.status.availableReplicas ?? 0),
      age(now, d.metadata.creationTimestamp),
    ];
    if (wide) row.push(...containerCells(d.spec.template), selectorText(d.spec.selector));
    return row;
  });
}

export function replicaSetRows(items: ReplicaSet[], now: number, wide: boolean, withNs: boolean): string[][] {
  const header = ["NAME", "DESIRED", "CURRENT", "READY", "AGE"];
  if (wide) header.push("CONTAINERS", "IMAGES", "SELECTOR");
  return table(header, withNs, items, (rs) => {
    const row = [
      rs.metadata.name,
      String(rs.spec.replicas),
      String(rs.status.replicas),
      String(rs.status.readyReplicas ?? 0),
      age(now, rs.metadata.creationTimestamp),
    ];
    if (wide) row.push(...containerCells(rs.spec.template), selectorText(rs.spec.selector));
    return row;
  });
}

export function daemonSetRows(items: DaemonSet[], now: number, wide: boolean, withNs: boolean): string[][] {
  const header = ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"];
  if (wide) header.push("CONTAINERS", "IMAGES", "SELECTOR");
  return table(header, withNs, items, (ds) => {
    const row = [
      ds.metadata.name,
      String(ds.status.desiredNumberScheduled),
      String(ds.status.currentNumberScheduled),
      String(ds.status.numberReady),
      String(ds.status.updatedNumberScheduled ?? 0),
      String(ds.status.numberAvailable ?? 0),
      formatLabels(ds.spec.template.spec.nodeSelector),
      age(now, ds.metadata.creationTimestamp),
    ];
    if (wide) row.push(...containerCells(ds.spec.template), selectorText(ds.spec.selector));
    return row;
  });
}

/** printService: PORT(S) as `port[:nodePort]/PROTO` joined by commas. */
export function serviceRows(items: Service[], now: number, wide: boolean, withNs: boolean): string[][] {
  const header = ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"];
  if (wide) header.push("SELECTOR");
  return table(header, withNs, items, (s) => {
    const ports = s.spec.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/${p.protocol}`).join(",");
    const row = [
      s.metadata.name,
      s.spec.type,
      s.spec.clusterIP || "<none>",
      s.spec.type === "LoadBalancer" ? "<pending>" : "<none>",
      ports || "<none>",
      age(now, s.metadata.creationTimestamp),
    ];
    if (wide) row.push(formatLabels(s.spec.selector));
    return row;
  });
}

/**
 * printEndpoints (formatEndpoints): `ip:port` for each port of each subset and each ready
 * address, the first three, then " + N more..."; `<none>` without subsets.
 */
export function endpointsRows(items: Endpoints[], now: number, withNs: boolean): string[][] {
  const format = (ep: Endpoints): string => {
    if (!ep.subsets?.length) return "<none>";
    const list: string[] = [];
    let count = 0;
    for (const ss of ep.subsets) {
      const addresses = ss.addresses ?? [];
      // Headless services without ports list bare IPs.
      const targets = ss.ports?.length
        ? ss.ports.flatMap((p) => addresses.map((a) => `${a.ip}:${p.port}`))
        : addresses.map((a) => a.ip);
      count += targets.length;
      list.push(...targets);
    }
    return count > 3 ? `${list.slice(0, 3).join(",")} + ${count - 3} more...` : list.join(",");
  };
  return table(["NAME", "ENDPOINTS", "AGE"], withNs, items, (e) => [
    e.metadata.name,
    format(e),
    age(now, e.metadata.creationTimestamp),
  ]);
}

/** printEndpointSlice: PORTS and ENDPOINTS show at most three entries, then "+ N more...". */
export function endpointSliceRows(items: EndpointSlice[], now: number, withNs: boolean): string[][] {
  const firstThree = (list: string[]) =>
    list.length === 0
      ? "<unset>"
      : list.length > 3
        ? `${list.slice(0, 3).join(",")} + ${list.length - 3} more...`
        : list.join(",");
  return table(["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"], withNs, items, (e) => [
    e.metadata.name,
    e.addressType,
    firstThree(e.ports.map((p) => String(p.port))),
    firstThree(e.endpoints.flatMap((x) => x.addresses)),
    age(now, e.metadata.creationTimestamp),
  ]);
}

export function leaseRows(items: Lease[], now: number, withNs: boolean): string[][] {
  return table(["NAME", "HOLDER", "AGE"], withNs, items, (l) => [
    l.metadata.name,
    l.spec.holderIdentity,
    age(now, l.metadata.creationTimestamp),
  ]);
}

/** printPodDisruptionBudget: MIN AVAILABLE and MAX UNAVAILABLE as set, N/A when not. */
export function pdbRows(items: PodDisruptionBudget[], now: number, withNs: boolean): string[][] {
  const header = ["NAME", "MIN AVAILABLE", "MAX UNAVAILABLE", "ALLOWED DISRUPTIONS", "AGE"];
  return table(header, withNs, items, (p) => [
    p.metadata.name,
    p.spec.minAvailable === undefined ? "N/A" : String(p.spec.minAvailable),
    p.spec.maxUnavailable === undefined ? "N/A" : String(p.spec.maxUnavailable),
    String(p.status.disruptionsAllowed ?? 0),
    age(now, p.metadata.creationTimestamp),
  ]);
}

function table<T extends { metadata: { namespace?: string } }>(
  header: string[],
  withNs: boolean,
  items: T[],
  row: (item: T) => string[],
): string[][] {
  return [
    withNs ? ["NAMESPACE", ...header] : header,
    ...items.map((i) => (withNs ? [i.metadata.namespace ?? "default", ...row(i)] : row(i))),
  ];
}
