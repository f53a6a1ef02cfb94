/**
 * Which network namespace a process lives in, as the kernel would answer through
 * /proc/PID/ns/net: a pod's pause process and its containers share the pod's (its name under
 * /var/run/netns), host-network pods and every other process the host's (undefined).
 */
import type { ContainerRecord, PodSandbox } from "./types";

export interface NetnsOwners {
  sandboxes: Map<string, PodSandbox>;
  containers: Map<string, ContainerRecord>;
}

export function netnsOfPid(runtime: NetnsOwners, pid: number): string | undefined {
  for (const s of runtime.sandboxes.values()) {
    if (s.pid === pid && s.state === "SANDBOX_READY") return s.hostNetwork ? undefined : s.netns;
  }
  for (const c of runtime.containers.values()) {
    if (c.pid !== pid) continue;
    const s = runtime.sandboxes.get(c.sandboxId);
    return s?.hostNetwork ? undefined : s?.netns;
  }
  return undefined;
}
