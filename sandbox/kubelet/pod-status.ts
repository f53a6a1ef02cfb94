/**
 * The container statuses and phase the kubelet reports (pkg/kubelet/kubelet_pods.go
 * convertToAPIContainerStatuses and getPhase, reduced): running, waiting with a reason
 * (ContainerCreating, or PodInitializing in a pod with init containers; CrashLoopBackOff,
 * ErrImagePull, ImagePullBackOff), terminated when it will not restart; the previous
 * attempt's end in lastState.terminated. An init container that exited 0 is terminated
 * `Completed` and ready; a sidecar is ready while it runs.
 */
import type { Container, ContainerStatus, Pod } from "../cluster/types";
import type { ContainerRecord } from "../runtime/types";
import { rfc3339 } from "../util/time-format";

export interface Waiting {
  reason: string;
  message?: string;
}

function terminated(c: ContainerRecord): NonNullable<ContainerStatus["state"]["terminated"]> {
  return {
    exitCode: c.exitCode ?? 0,
    reason: c.reason ?? (c.exitCode === 0 ? "Completed" : "Error"),
    startedAt: c.startedAt !== undefined ? rfc3339(c.startedAt) : undefined,
    finishedAt: c.finishedAt !== undefined ? rfc3339(c.finishedAt) : undefined,
    containerID: `containerd://${c.id}`,
  };
}

export function containerStatuses(
  pod: Pod,
  attempts: (name: string) => ContainerRecord[],
  waitingOf: (name: string) => Waiting | undefined,
  digestOf: (image: string) => string,
  specs: Container[] = pod.spec.containers,
  init = false,
): ContainerStatus[] {
  // kubelet_pods.go: the default waiting state is PodInitializing once a pod has init containers.
  const defaultWaiting = pod.spec.initContainers?.length ? "PodInitializing" : "ContainerCreating";
  return specs.map((spec) => {
    const [latest, previous] = attempts(spec.name);
    const waiting = waitingOf(spec.name);
    const base = {
      name: spec.name,
      image: spec.image,
      imageID: latest ? digestOf(latest.image) : "",
      ...(latest ? { containerID: `containerd://${latest.id}` } : {}),
      restartCount: latest?.attempt ?? 0,
    };
    if (latest?.state === "CONTAINER_RUNNING") {
      return {
        ...base,
        ready: true,
        started: true,
        state: { running: { startedAt: rfc3339(latest.startedAt ?? latest.createdAt) } },
        lastState: previous?.state === "CONTAINER_EXITED" ? { terminated: terminated(previous) } : {},
      };
    }
    if (latest?.state === "CONTAINER_EXITED" && !waiting) {
      const ready = init && latest.exitCode === 0 && spec.restartPolicy !== "Always";
      return { ...base, ready, started: false, state: { terminated: terminated(latest) }, lastState: {} };
    }
    return {
      ...base,
      ready: false,
      started: false,
      state: { waiting: waiting ?? { reason: defaultWaiting } },
      lastState: latest?.state === "CONTAINER_EXITED" ? { terminated: terminated(latest) } : {},
    };
  });
}

/**
 * getPhase: a regular init container failed under restartPolicy Never fails the pod; one
 * still pending keeps it Pending; then the app containers decide.
 */
export function podPhase(
  statuses: ContainerStatus[],
  restartPolicy: string,
  initStatuses: ContainerStatus[] = [],
  initSpecs: Container[] = [],
): Pod["status"]["phase"] {
  let pendingInit = 0;
  let failedInit = 0;
  for (const s of initStatuses) {
    if (initSpecs.find((c) => c.name === s.name)?.restartPolicy === "Always") continue;
    if (s.state.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInit++;
    } else if (s.state.waiting && s.lastState?.terminated) {
      if (s.lastState.terminated.exitCode !== 0) failedInit++;
    } else pendingInit++;
  }
  if (failedInit > 0 && restartPolicy === "Never") return "Failed";
  const regularStarted = statuses.some((s) => s.state.running || s.state.terminated || s.lastState?.terminated);
  if (pendingInit > 0 && !regularStarted) return "Pending";
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of statuses) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting && s.lastState?.terminated) stopped++;
    else waiting++;
  }
  if (waiting > 0) return "Pending";
  if (running > 0) return "Running";
  if (stopped > 0) {
    if (restartPolicy === "Always") return "Running";
    if (stopped === succeeded) return "Succeeded";
    return restartPolicy === "Never" ? "Failed" : "Running";
  }
  return "Pending";
}
