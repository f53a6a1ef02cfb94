/**
 * kubectl describe node|pod (staging/src/k8s.io/kubectl/pkg/describe/describe.go:
 * describeNode, describeNodeResource, describePod, describeContainers, describeVolumes,
 * DescribeEvents). The text goes through one Go tabwriter (minwidth 0, padding 2), so
 * consecutive tabbed lines align as blocks exactly as kubectl's do.
 */

import { quantityValue } from "../../cluster/quantity";
import type { Container, ContainerStatus, KubeEvent, Lease, Node, Pod, Toleration, Volume } from "../../cluster/types";
import { kubectlAge } from "../../util/time-format";
import type { World } from "../../world";
import { type ExecResult, fail } from "../types";
import { parseFlags, str } from "./flags";
import { resourceType, unknownType } from "./resources";
import { goTabwrite } from "./tabwriter";

/** time.RFC1123Z: "Thu, 30 Oct 2025 14:02:53 +0000". */
export function rfc1123z(stamp: string | number): string {
  const d = new Date(stamp);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

const sortedKeys = (o: Record<string, string> | undefined) =>
  Object.keys(o ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** printLabelsMultiline: `Title:\tk=v`, further pairs on `\tk=v` lines. */
function labelsMultiline(title: string, labels: Record<string, string> | undefined): string {
  const keys = sortedKeys(labels);
  if (!keys.length) return `${title}:\t<none>\n`;
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ""}\t${k}=${labels?.[k]}\n`).join("");
}

/** printAnnotationsMultiline (values over 140 chars wrap; last-applied-configuration is skipped). */
function annotationsMultiline(title: string, annotations: Record<string, string> | undefined): string {
  const keys = sortedKeys(annotations).filter((k) => k !== "kubectl.kubernetes.io/last-applied-configuration");
  if (!keys.length) return `${title}:\t<none>\n`;
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ""}\t${k}: ${annotations?.[k]}\n`).join("");
}

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

/** printTolerationsMultilineWithIndent, sorted by key (a stable sort for short lists, as Go's is). */
function tolerationsMultiline(tolerations: Toleration[] | undefined): string {
  const list = [...(tolerations ?? [])].sort((a, b) =>
    (a.key ?? "") < (b.key ?? "") ? -1 : (a.key ?? "") > (b.key ?? "") ? 1 : 0,
  );
  if (!list.length) return "Tolerations:\t<none>\n";
  return list
    .map((t, i) => {
      let s = t.key ?? "";
      if (t.value) s += `=${t.value}`;
      if (t.effect) s += `:${t.effect}`;
      if (t.operator === "Exists" && !t.value) s += t.key || t.effect ? " op=Exists" : "op=Exists";
      if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
      return `${i === 0 ? "Tolerations:" : ""}\t${s}\n`;
    })
    .join("");
}

/** DescribeEvents: a flush first, events by last timestamp, `<age> (xN over <first>)` when repeated. */
function describeEvents(events: KubeEvent[], now: number): string {
  if (!events.length) return "Events:\t<none>\n";
  // SortableEvents orders by lastTimestamp (whole seconds); ties keep the order they were written in.
  const sorted = [...events].sort(
    (a, b) =>
      Date.parse(a.lastTimestamp) - Date.parse(b.lastTimestamp) ||
      Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion),
  );
  const since = (t: string) => kubectlAge(now - Date.parse(t));
  let out = "\fEvents:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n";
  for (const e of sorted) {
    const first = since(e.firstTimestamp);
    const interval = e.count > 1 ? `${since(e.lastTimestamp)} (x${e.count} over ${first})` : first;
    out += `  ${e.type}\t${e.reason}\t${interval}\t${e.source.component}\t${e.message.trim()}\n`;
  }
  return out;
}

function eventsFor(world: World, kind: string, name: string, namespace?: string): KubeEvent[] {
  return world.store
    .list<KubeEvent>("events")
    .filter(
      (e) =>
        e.involvedObject.kind === kind &&
        e.involvedObject.name === name &&
        (kind === "Node" || e.involvedObject.namespace === namespace),
    );
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

function describeNode(world: World, node: Node): string {
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
  return goTabwrite(out);
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

/** EnvValueRetriever: the downward-API fields a node lesson shows. */
function fieldValue(pod: Pod, path: string): string {
  switch (path) {
    case "spec.nodeName":
      return pod.spec.nodeName ?? "";
    case "status.hostIP":
      return pod.status.hostIP ?? "";
    case "status.podIP":
      return pod.status.podIP ?? "";
    case "metadata.name":
      return pod.metadata.name;
    case "metadata.namespace":
      return pod.metadata.namespace ?? "";
    default:
      return "";
  }
}

function describeState(label: string, state: ContainerStatus["state"]): string {
  if (state.running) return `    ${label}:\tRunning\n      Started:\t${rfc1123z(state.running.startedAt)}\n`;
  if (state.terminated) {
    const t = state.terminated;
    let out = `    ${label}:\tTerminated\n`;
    if (t.reason) out += `      Reason:\t${t.reason}\n`;
    out += `      Exit Code:\t${t.exitCode}\n`;
    out += `      Started:\t${t.startedAt ? rfc1123z(t.startedAt) : "Mon, 01 Jan 0001 00:00:00 +0000"}\n`;
    out += `      Finished:\t${t.finishedAt ? rfc1123z(t.finishedAt) : "Mon, 01 Jan 0001 00:00:00 +0000"}\n`;
    return out;
  }
  return `    ${label}:\tWaiting\n${state.waiting?.reason ? `      Reason:\t${state.waiting.reason}\n` : ""}`;
}

function describeVolume(v: Volume): string {
  let out = `  ${v.name}:\n`;
  if (v.hostPath) {
    out += `    Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? ""}\n`;
  } else if (v.emptyDir) {
    out +=
      "    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t\n    SizeLimit:\t<unset>\n";
  } else if (v.secret) {
    out += `    Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName}\n    Optional:\tfalse\n`;
  } else if (v.configMap) {
    out += `    Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\t${v.configMap.optional ? "true" : "false"}\n`;
  } else if (v.projected) {
    out += "    Type:\tProjected (a volume that contains injected data from multiple sources)\n";
    for (const s of v.projected.sources) {
      if ("serviceAccountToken" in s)
        out += `    TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds}\n`;
      else if ("configMap" in s) out += `    ConfigMapName:\t${s.configMap.name}\n    ConfigMapOptional:\t<nil>\n`;
      else out += "    DownwardAPI:\ttrue\n";
    }
  }
  return out;
}

function describeContainers(
  pod: Pod,
  title: string,
  specs: Container[],
  statuses: ContainerStatus[] | undefined,
): string {
  let out = `${title}:\n`;
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  for (const c of specs) {
    const st = byName.get(c.name);
    out += `  ${c.name}:\n`;
    if (st) out += `    Container ID:\t${st.containerID ?? ""}\n`;
    out += `    Image:\t${c.image}\n`;
    if (st) out += `    Image ID:\t${st.imageID}\n`;
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}`).join(", ");
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? "TCP"}`).join(", ");
    out += ports.includes(",") ? `    Ports:\t${ports}\n` : `    Port:\t${ports || "<none>"}\n`;
    out += hostPorts.includes(",") ? `    Host Ports:\t${hostPorts}\n` : `    Host Port:\t${hostPorts || "<none>"}\n`;
    if (c.command?.length) out += `    Command:\n${c.command.map((x) => `      ${x}\n`).join("")}`;
    if (c.args?.length) out += `    Args:\n${c.args.map((x) => `      ${x}\n`).join("")}`;
    if (st) {
      out += describeState("State", st.state);
      if (st.lastState?.terminated) out += describeState("Last State", st.lastState);
      out += `    Ready:\t${st.ready ? "True" : "False"}\n    Restart Count:\t${st.restartCount}\n`;
    }
    for (const kind of ["limits", "requests"] as const) {
      const list = c.resources?.[kind] ?? {};
      const keys = Object.keys(list).sort();
      if (keys.length)
        out += `    ${kind === "limits" ? "Limits" : "Requests"}:\n${keys.map((k) => `      ${k}:\t${list[k]}\n`).join("")}`;
    }
    if (!c.env?.length) out += "    Environment:\t<none>\n";
    else {
      out += "    Environment:\n";
      for (const e of c.env) {
        const ref = e.valueFrom?.fieldRef;
        out += ref
          ? `      ${e.name}:\t${fieldValue(pod, ref.fieldPath)} (v1:${ref.fieldPath})\n`
          : `      ${e.name}:\t${e.value ?? ""}\n`;
      }
    }
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) =>
      a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0,
    );
    out += mounts.length ? "    Mounts:\n" : "    Mounts:\t<none>\n";
    for (const m of mounts) out += `      ${m.mountPath} from ${m.name} (${m.readOnly ? "ro" : "rw"})\n`;
  }
  return out;
}

function describePod(world: World, pod: Pod): string {
  const now = world.clock.now();
  let out = `Name:\t${pod.metadata.name}\nNamespace:\t${pod.metadata.namespace}\n`;
  if (pod.spec.priority !== undefined) out += `Priority:\t${pod.spec.priority}\n`;
  if (pod.spec.priorityClassName) out += `Priority Class Name:\t${pod.spec.priorityClassName}\n`;
  if (pod.spec.serviceAccountName) out += `Service Account:\t${pod.spec.serviceAccountName}\n`;
  out += `Node:\t${pod.spec.nodeName ? `${pod.spec.nodeName}/${pod.status.hostIP ?? ""}` : "<none>"}\n`;
  if (pod.status.startTime) out += `Start Time:\t${rfc1123z(pod.status.startTime)}\n`;
  out += labelsMultiline("Labels", pod.metadata.labels);
  out += annotationsMultiline("Annotations", pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && pod.status.phase !== "Failed" && pod.status.phase !== "Succeeded") {
    out += `Status:\tTerminating (lasts ${kubectlAge(Date.parse(pod.metadata.deletionTimestamp) - now)})\n`;
    out += `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds}s\n`;
  } else out += `Status:\t${pod.status.phase}\n`;
  if (pod.status.reason) out += `Reason:\t${pod.status.reason}\n`;
  if (pod.status.message) out += `Message:\t${pod.status.message}\n`;
  out += `IP:\t${pod.status.podIP ?? ""}\n`;
  if (pod.status.podIPs?.length) out += `IPs:\n${pod.status.podIPs.map((ip) => `  IP:\t${ip.ip}\n`).join("")}`;
  else out += "IPs:\t<none>\n";
  const controller = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (controller) out += `Controlled By:\t${controller.kind}/${controller.name}\n`;
  // describe.go describeContainers: the init containers first, in the same layout.
  if (pod.spec.initContainers?.length) {
    out += describeContainers(pod, "Init Containers", pod.spec.initContainers, pod.status.initContainerStatuses);
  }
  out += describeContainers(pod, "Containers", pod.spec.containers, pod.status.containerStatuses);
  if (pod.status.conditions?.length) {
    out += "Conditions:\n  Type\tStatus\n";
    for (const c of pod.status.conditions) out += `  ${c.type} \t${c.status} \n`;
  }
  out += pod.spec.volumes?.length ? `Volumes:\n${pod.spec.volumes.map(describeVolume).join("")}` : "Volumes:\t<none>\n";
  out += `QoS Class:\t${pod.status.qosClass ?? "BestEffort"}\n`;
  out += labelsMultiline("Node-Selectors", pod.spec.nodeSelector);
  out += tolerationsMultiline(pod.spec.tolerations);
  out += describeEvents(eventsFor(world, "Pod", pod.metadata.name, pod.metadata.namespace), now);
  return goTabwrite(out);
}

export function describeCommand(argv: string[], world: World): ExecResult {
  const parsed = parseFlags("describe", argv, [{ long: ["all-namespaces"], short: "A", type: "bool" }]);
  if ("error" in parsed) return fail(`${parsed.error}\n`);
  const { flags, args } = parsed;
  const namespace = str(flags.namespace) ?? "default";
  if (!args.length) {
    return fail(
      "You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl describe -h' for help and examples\n",
    );
  }
  let [typeName, ...names] = args as [string, ...string[]];
  if (typeName.includes("/")) {
    const [t, n] = typeName.split("/");
    typeName = t ?? "";
    names = [n ?? "", ...names];
  }
  const type = resourceType(typeName);
  if (!type) return fail(unknownType(typeName));
  if (type.resource !== "nodes" && type.resource !== "pods")
    return fail(`error: describe for ${type.plural} is not available on this node's kubectl yet\n`);
  const ns = type.namespaced ? namespace : undefined;
  const objects = names.length
    ? names.map((n) => world.store.get(type.resource, n, ns))
    : world.store.list(type.resource, flags["all-namespaces"] ? undefined : ns);
  const texts: string[] = [];
  let stderr = "";
  names.forEach((n, i) => {
    if (!objects[i]) stderr += `Error from server (NotFound): ${type.plural} "${n}" not found\n`;
  });
  for (const o of objects) {
    if (!o) continue;
    texts.push(type.resource === "nodes" ? describeNode(world, o as Node) : describePod(world, o as Pod));
  }
  if (!names.length && !texts.length) {
    return {
      stdout: "",
      stderr: ns && !flags["all-namespaces"] ? `No resources found in ${ns} namespace.\n` : "No resources found\n",
      exitCode: 0,
    };
  }
  return { stdout: texts.join("\n\n"), stderr, exitCode: stderr ? 1 : 0 };
}
