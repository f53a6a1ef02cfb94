/**
 * `sandbox-image-wrong`: twenty minutes before now someone edited containerd's config.toml,
 * setting sandbox_image to a pause tag that does not exist, and restarted containerd (it
 * reads config.toml only on start). Running pods are unaffected; the next pod created, `web`
 * twelve minutes ago, needs a new sandbox: containerd cannot pull the pause image, so the
 * pod stays ContainerCreating with FailedCreatePodSandBox events.
 */
import type { World } from "../world";
import { bootHealthyNode, UPTIME_MS } from "./healthy";
import { createPodAt } from "./workload-pods";

export const WRONG_SANDBOX_IMAGE = "mcr.microsoft.com/oss/kubernetes/pause:3.66";
const CONFIG = "/etc/containerd/config.toml";

export function bootSandboxImageWrong(world: World): void {
  bootHealthyNode(world, (w) => {
    w.clock.setTimeout(
      () => {
        const text = w.fs.readFileSync(CONFIG);
        w.fs.writeFileSync(CONFIG, text.replace(/sandbox_image = "[^"]*"/, `sandbox_image = "${WRONG_SANDBOX_IMAGE}"`));
        w.systemd.restart("containerd.service");
      },
      UPTIME_MS - 20 * 60_000 - 8_642,
    );
    createPodAt(w, UPTIME_MS - 12 * 60_000 - 3_579, {
      name: "web",
      labels: { app: "web" },
      containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80, protocol: "TCP" }] }],
    });
  });
}
