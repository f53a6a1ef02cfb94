/**
 * One pod as the diagram draws it: the API's word for it (kubectl's STATUS, READY) beside what
 * containerd holds on the node right now (its sandbox, the pause container, each container's
 * newest attempt) and the host end of its veth. The runtime is the node's truth: with the
 * kubelet stopped the API still says Running while `crictl ps -a` shows the container exited,
 * and the diagram shows the exit. Reads only.
 */
import type { ContainerStatus, Pod } from "../cluster/types";
import { printPod } from "../commands/kubectl/printers";
import type { NetNamespace } from "../node/net/stack";
import type { ContainerRecord, PodSandbox } from "../runtime/types";
import type { ContainerPart, Health, PodPart } from "./types";

/** STATUS values of a pod on its way somewhere (printers.go's reasons and the kubelet's waiting reasons). */
const UNDER_WAY = /^(Pending|ContainerCreating|PodInitializing|Terminating|NotReady|Init:\d+\/\d+)$/;
/** Waiting reasons of a container that is being made, not one that failed. */
const WAITING_NORMALLY = new Set(["ContainerCreating", "PodInitializing"]);

function podHealth(status: string, ready: string): Health {
  if (status === "Running") {
    const [up, all] = ready.split("/");
    return up === all ? "ok" : "progress";
  }
  if (status === "Completed" || status === "Succeeded") return "stopped";
  return UNDER_WAY.test(status) ? "progress" : "failed";
}

/** Agents the course teaches as such (node-facts §8): Container Insights and Defender for Containers. */
function roleOf(pod: Pod): PodPart["role"] {
  const labels = pod.metadata.labels ?? {};
  if (labels.component === "kube-proxy") return "kube-proxy";
  if (labels.app === "microsoft-defender" || /^ama-logs/.test(pod.metadata.name)) return "agent";
  return "pod";
}

function containerPart(name: string, record: ContainerRecord | undefined, status?: ContainerStatus): ContainerPart {
  const attempt = record?.attempt ?? status?.restartCount ?? 0;
  const waiting = status?.state.waiting?.reason;
  if (record?.state === "CONTAINER_RUNNING") return { name, state: "Running", health: "ok", attempt };
  if (waiting) return { name, state: waiting, health: WAITING_NORMALLY.has(waiting) ? "progress" : "failed", attempt };
  if (record?.state === "CONTAINER_EXITED") {
    // crictl ps -a's STATE is Exited; the code is what `crictl inspect` and kubectl's lastState say.
    const code = record.exitCode ?? 0;
    return { name, state: `Exited (${code})`, health: code === 0 ? "stopped" : "failed", attempt };
  }
  if (record?.state === "CONTAINER_CREATED") return { name, state: "Created", health: "progress", attempt };
  return { name, state: status?.state.running ? "Running" : "Waiting", health: "progress", attempt };
}

export interface PodRuntime {
  sandboxes: PodSandbox[];
  containers: ContainerRecord[];
  host: NetNamespace;
}

export function podPart(pod: Pod, now: number, runtime: PodRuntime): PodPart {
  const { ready, status } = printPod(pod, now);
  const health = podHealth(status, ready);
  const uid = pod.metadata.uid;
  // Newest first (listPodSandboxes/listContainers order): a replaced sandbox's attempt is the higher one.
  const sandbox = runtime.sandboxes.find((s) => s.uid === uid);
  const inSandbox = runtime.containers.filter((c) => c.sandboxId === sandbox?.id);
  const newest = (name: string) =>
    inSandbox.filter((c) => c.name === name).sort((a, b) => b.attempt - a.attempt || b.createdAt - a.createdAt)[0];
  const statuses = new Map((pod.status.containerStatuses ?? []).map((s) => [s.name, s]));
  const pause: PodPart["pause"] = !sandbox
    ? { state: "none", health: health === "stopped" ? "stopped" : "progress" }
    : sandbox.state === "SANDBOX_READY"
      ? { state: "Ready", health: "ok" }
      : { state: "NotReady", health: health === "stopped" ? "stopped" : "failed" };
  const veth = sandbox?.netns
    ? runtime.host.links.find((l) => l.kind === "veth" && l.peer?.ns.name === sandbox.netns)?.name
    : undefined;
  const ip = pod.status.podIP ?? sandbox?.ip;
  return {
    namespace: pod.metadata.namespace ?? "default",
    name: pod.metadata.name,
    status,
    ready,
    health,
    role: roleOf(pod),
    hostNetwork: pod.spec.hostNetwork === true,
    ...(ip ? { ip } : {}),
    pause,
    ...(veth ? { veth } : {}),
    containers: pod.spec.containers.map((c) => containerPart(c.name, newest(c.name), statuses.get(c.name))),
  };
}
