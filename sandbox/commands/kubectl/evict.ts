/**
 * kubectl drain's evictPods and deletePods (staging/src/k8s.io/kubectl/pkg/drain/drain.go):
 * each pod goes through the eviction API; a 429 (a PodDisruptionBudget with no disruption to
 * spare) prints `error when evicting pods/"x" -n "ns" (will retry after 5s): ...` and tries
 * again 5 s later, each try announced by `evicting pod ns/x`; an evicted pod is waited for
 * until it is gone (`pod/x evicted`). --timeout bounds the whole drain: a pod still being
 * retried or waited for then fails with `global timeout reached: <duration>`. The node's time
 * runs on while drain waits (wait.ts).
 */
import type { Pod } from "../../cluster/types";
import { goDuration } from "../../util/time-format";
import type { World } from "../../world";
import type { CommandIo } from "../types";
import { waitFor } from "./wait";

const RETRY_MS = 5_000;

interface Options {
  grace?: number;
  /** 0 is no limit, as kubectl's --timeout=0s. */
  timeoutMs: number;
  useEviction: boolean;
}

type Step = { pod: Pod; state: "evict" | "wait" | "done"; next: number };

export async function evictOrDelete(
  world: World,
  io: CommandIo,
  pods: Pod[],
  o: Options,
): Promise<{ stdout: string; stderr: string; error?: string; interrupted?: boolean }> {
  const api = world.controlPlane.api;
  const start = world.clock.now();
  let stdout = "";
  let stderr = "";
  const errors: string[] = [];
  const steps: Step[] = pods.map((pod) => ({ pod, state: "evict", next: start }));
  const timedOut = () => o.timeoutMs > 0 && world.clock.now() - start >= o.timeoutMs;
  const limit = goDuration(o.timeoutMs);
  const fail = (step: Step, message: string) => {
    step.state = "done";
    errors.push(message);
  };
  if (!o.useEviction) {
    // deletePods: plain graceful deletes, no budgets consulted.
    for (const step of steps) {
      api.deletePod(step.pod.metadata.name, step.pod.metadata.namespace ?? "default", o.grace);
      step.state = "wait";
    }
  }
  const round = (): boolean => {
    const now = world.clock.now();
    for (const step of steps) {
      const { name, namespace = "default", uid } = step.pod.metadata;
      if (step.state === "evict" && step.next <= now) {
        stdout += `evicting pod ${namespace}/${name}\n`;
        if (timedOut()) {
          fail(step, `error when evicting pods/"${name}" -n "${namespace}": global timeout reached: ${limit}`);
          continue;
        }
        const r = api.evict(name, namespace, o.grace);
        if (r.ok) step.state = "wait";
        else if (r.code === 404) step.state = "done";
        else if (r.code === 429) {
          stderr += `error when evicting pods/"${name}" -n "${namespace}" (will retry after 5s): ${r.message}\n`;
          step.next = now + RETRY_MS;
        } else fail(step, `error when evicting pods/"${name}" -n "${namespace}": ${r.message}`);
      } else if (step.state === "wait") {
        if (world.store.get<Pod>("pods", name, namespace)?.metadata.uid !== uid) {
          stdout += `pod/${name} ${o.useEviction ? "evicted" : "deleted"}\n`;
          step.state = "done";
        } else if (timedOut()) {
          fail(
            step,
            `error when waiting for pod "${name}" in namespace "${namespace}" to terminate: global timeout reached: ${limit}`,
          );
        }
      }
    }
    world.clock.settle();
    return steps.every((s) => s.state === "done");
  };
  const finished = await waitFor(world, io, round);
  if (!finished) return { stdout, stderr, interrupted: true };
  // utilerrors.NewAggregate: one error as it is, several bracketed.
  const unique = [...new Set(errors)];
  const error = unique.length > 1 ? `[${unique.join(", ")}]` : unique[0];
  return { stdout, stderr, ...(error ? { error } : {}) };
}
