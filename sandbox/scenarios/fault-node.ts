/**
 * For the fault scenarios' tests: a node booted into a scenario with its World in reach, so
 * a test can make the API calls whose kubectl verbs are not on the node yet (a pod's delete
 * sets deletionTimestamp, `kubectl set image` changes the spec) and run real command lines.
 */
import type { Pod } from "../cluster/types";
import { bindCommands } from "../commands";
import { Shell } from "../shell/bash-shell";
import { rfc3339 } from "../util/time-format";
import { World } from "../world";
import { SCENARIO_BOOT_TIME, SCENARIOS } from ".";
import { createPod, type UserPod } from "./workload-pods";

export interface FaultNode {
  world: World;
  run(line: string): Promise<{ out: string; err: string; code: number }>;
  /** DELETE pods/<name>: what the API server does for a bound pod (graceful deletion). */
  deletePod(name: string, namespace?: string): void;
  /** POST a pod in default, bound to this node (`kubectl run` / `kubectl apply`). */
  createPod(p: UserPod): void;
  /** PUT the pod with a changed spec (`kubectl set image`, `kubectl replace`). */
  updatePod(name: string, change: (pod: Pod) => void, namespace?: string): void;
}

export function faultNode(scenario: string, seed = 1): FaultNode {
  const world = new World({ start: SCENARIO_BOOT_TIME, seed });
  SCENARIOS[scenario]?.boot(world);
  world.sessionStart = world.clock.now();
  const shell = new Shell({
    fs: world.fs,
    commands: bindCommands(world),
    cwd: "/root",
    env: {
      HOME: "/root",
      USER: "root",
      HOSTNAME: world.hostname,
      PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    },
  });
  return {
    world,
    async run(line) {
      world.lineStartedAt = world.clock.now();
      const r = await shell.run(line);
      world.clock.advance(0);
      return { out: r.stdout, err: r.stderr, code: r.exitCode };
    },
    deletePod(name, namespace = "default") {
      const pod = world.store.get<Pod>("pods", name, namespace);
      if (!pod) return;
      const meta = pod.metadata as Pod["metadata"] & {
        deletionTimestamp?: string;
        deletionGracePeriodSeconds?: number;
      };
      meta.deletionGracePeriodSeconds = 30;
      meta.deletionTimestamp = rfc3339(world.clock.now() + 30_000);
      world.store.put("pods", pod);
      world.clock.advance(0);
    },
    createPod(p) {
      createPod(world, p);
      world.clock.advance(0);
    },
    updatePod(name, change, namespace = "default") {
      const pod = world.store.get<Pod>("pods", name, namespace);
      if (!pod) return;
      change(pod);
      world.store.put("pods", pod);
      world.clock.advance(0);
    },
  };
}
