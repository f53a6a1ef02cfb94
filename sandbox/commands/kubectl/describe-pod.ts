/**
 * kubectl describe pod and the pod template every workload describer prints (describe.go:
 * describePod, describeContainers, describeVolumes, DescribePodTemplate). In a template the
 * container and volume names sit one space deeper than in a pod (nameIndent), as in kubectl.
 */
import type { Container, ContainerStatus, Pod, PodTemplate, Volume } from "../../cluster/types";
import { kubectlAge } from "../../util/time-format";
import type { World } from "../../world";
import {
  annotationsMultiline,
  describeEvents,
  eventsFor,
  labelsMultiline,
  rfc1123z,
  tolerationsMultiline,
} from "./describe-format";

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

function describeVolume(v: Volume, nameIndent: string): string {
  let out = `  ${nameIndent}${v.name}:\n`;
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

/**
 * describeContainers: `space` is "" in a pod and "  " in a template; without a pod (a
 * template) there are no statuses and downward-API values resolve to nothing.
 */
function describeContainers(label: string, containers: Container[], pod: Pod | undefined, space: string): string {
  const nameIndent = space ? " " : "";
  let out = `${space}${label}:${containers.length ? "" : " <none>"}\n`;
  const init = label === "Init Containers";
  const statuses = new Map(
    ((init ? pod?.status.initContainerStatuses : pod?.status.containerStatuses) ?? []).map((s) => [s.name, s]),
  );
  for (const c of containers) {
    const st = statuses.get(c.name);
    out += `  ${nameIndent}${c.name}:\n`;
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
          ? `      ${e.name}:\t${pod ? fieldValue(pod, ref.fieldPath) : ""} (v1:${ref.fieldPath})\n`
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

function describeVolumes(volumes: Volume[] | undefined, space: string): string {
  if (!volumes?.length) return `${space}Volumes:\t<none>\n`;
  const nameIndent = space ? " " : "";
  return `${space}Volumes:\n${volumes.map((v) => describeVolume(v, nameIndent)).join("")}`;
}

/** DescribePodTemplate: what a Deployment, ReplicaSet or DaemonSet makes its pods from. */
export function describePodTemplate(template: PodTemplate): string {
  const spec = template.spec;
  let out = "Pod Template:\n";
  out += labelsMultiline("  Labels", template.metadata.labels);
  if (Object.keys(template.metadata.annotations ?? {}).length)
    out += annotationsMultiline("  Annotations", template.metadata.annotations);
  if (spec.serviceAccountName) out += `  Service Account:\t${spec.serviceAccountName}\n`;
  if (spec.initContainers?.length) out += describeContainers("Init Containers", spec.initContainers, undefined, "  ");
  out += describeContainers("Containers", spec.containers, undefined, "  ");
  out += describeVolumes(spec.volumes, "  ");
  if (spec.priorityClassName) out += `  Priority Class Name:\t${spec.priorityClassName}\n`;
  out += labelsMultiline("  Node-Selectors", spec.nodeSelector);
  out += tolerationsMultiline(spec.tolerations, "  Tolerations");
  return out;
}

export function describePod(world: World, pod: Pod): string {
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
  if (pod.spec.initContainers?.length) out += describeContainers("Init Containers", pod.spec.initContainers, pod, "");
  out += describeContainers("Containers", pod.spec.containers, pod, "");
  if (pod.status.conditions?.length) {
    out += "Conditions:\n  Type\tStatus\n";
    for (const c of pod.status.conditions) out += `  ${c.type} \t${c.status} \n`;
  }
  out += describeVolumes(pod.spec.volumes, "");
  out += `QoS Class:\t${pod.status.qosClass ?? "BestEffort"}\n`;
  out += labelsMultiline("Node-Selectors", pod.spec.nodeSelector);
  out += tolerationsMultiline(pod.spec.tolerations);
  out += describeEvents(eventsFor(world, "Pod", pod.metadata.name, pod.metadata.namespace), now);
  return out;
}
