/**
 * `memory-pressure`: ten minutes before now the report-builder pod started with a 256Mi
 * memory limit; it grows to ~300 MiB twenty seconds after each start, so the kernel's
 * memory-cgroup OOM killer kills it (exit 137, OOMKilled, `Memory cgroup out of memory`
 * in `journalctl -k`) and the kubelet restarts it with back-off.
 */
import type { World } from "../world";
import { bootHealthyNode, UPTIME_MS } from "./healthy";
import { ACR } from "./images";
import { createPodAt } from "./workload-pods";

export function bootMemoryPressure(world: World): void {
  bootHealthyNode(world, (w) => {
    createPodAt(w, UPTIME_MS - 10 * 60_000 - 1_357, {
      name: "report-builder",
      labels: { app: "report-builder" },
      containers: [
        {
          name: "report-builder",
          image: `${ACR}/report-builder:2.1.0`,
          resources: { requests: { cpu: "250m", memory: "128Mi" }, limits: { memory: "256Mi" } },
        },
      ],
    });
  });
}
