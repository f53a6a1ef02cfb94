/**
 * The container statuses and phase the kubelet reports (pkg/kubelet/kubelet_pods.go
 * convertToAPIContainerStatuses and getPhase, reduced): running, waiting with a reason
 * (ContainerCreating, CrashLoopBackOff, ErrImagePull, ImagePullBackOff), terminated when
 * it will not restart; the previous attempt's end in lastState.terminated.
 */
import type { ContainerStatus, Pod } from "../cluster/types";
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
): ContainerStatus[] {
  return pod.spec.containers.map((spec) => {
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
      return { ...base, ready: false, started: false, state: { terminated: terminated(latest) }, lastState: {} };
    }
    return {
      ...base,
      ready: false,
      started: false,
      state: { waiting: waiting ?? { reason: "ContainerCreating" } },
      lastState: latest?.state === "CONTAINER_EXITED" ? { terminated: terminated(latest) } : {},
    };
  });
}

/** getPhase for regular containers. */
export function podPhase(statuses: ContainerStatus[], restartPolicy: string): Pod["status"]["phase"] {
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
