/**
 * `image-pull-error`: five minutes before now a pod `web` was created in `default` with a
 * mistyped tag (`nginx:1.277`); the registry has no such tag, so every pull fails:
 * ErrImagePull, then ImagePullBackOff with the pull back-off doubling to 5 minutes.
 */
import type { World } from "../world";
import { bootHealthyNode, UPTIME_MS } from "./healthy";
import { createPodAt } from "./workload-pods";

export function bootImagePullError(world: World): void {
  bootHealthyNode(world, (w) => {
    createPodAt(w, UPTIME_MS - 5 * 60_000 - 2_468, {
      name: "web",
      labels: { app: "web" },
      containers: [{ name: "nginx", image: "nginx:1.277", ports: [{ containerPort: 80, protocol: "TCP" }] }],
    });
  });
}
