/**
 * `crashloop`: eight minutes before now someone ran the orders-api pod without the
 * environment it needs; its container exits 1 three seconds after each start and the
 * kubelet restarts it with back-off (10 s doubling to 5 min): CrashLoopBackOff.
 */
import type { World } from "../world";
import { bootHealthyNode, UPTIME_MS } from "./healthy";
import { ACR } from "./images";
import { createPodAt } from "./workload-pods";

export function bootCrashloop(world: World): void {
  bootHealthyNode(world, (w) => {
    createPodAt(w, UPTIME_MS - 8 * 60_000 - 4_321, {
      name: "orders-api",
      labels: { app: "orders-api" },
      containers: [
        {
          name: "orders-api",
          image: `${ACR}/orders-api:1.4.2`,
          ports: [{ containerPort: 8080, protocol: "TCP" }],
          resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
        },
      ],
    });
  });
}
