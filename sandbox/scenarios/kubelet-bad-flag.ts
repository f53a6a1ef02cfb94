/**
 * `kubelet-bad-flag`: the healthy node, but six minutes ago someone edited KUBELET_FLAGS in
 * /etc/default/kubelet, dropping a hyphen from `--max-pods=30`, and restarted the kubelet.
 * The kubelet now exits at once with pflag's `unknown flag: --maxpods`, systemd restarts it
 * every 2 s (Restart=always, RestartSec=2), and without a heartbeat the control plane marks
 * the node NotReady after its 50 s grace period. Fixing the file is enough: the next restart
 * reads it again (EnvironmentFile= is read on every start, no daemon-reload needed).
 */
import type { World } from "../world";
import { bootHealthyNode, UPTIME_MS } from "./healthy";

export const BAD_FLAG_AGO_MS = 6 * 60_000 + 9_310;

export function bootKubeletBadFlag(world: World): void {
  bootHealthyNode(world, (w) => {
    w.clock.setTimeout(() => {
      const path = "/etc/default/kubelet";
      w.fs.writeFileSync(path, w.fs.readFileSync(path).replace("--max-pods=30", "--maxpods=30"), 0o600);
      w.systemd.restart("kubelet.service");
    }, UPTIME_MS - BAD_FLAG_AGO_MS);
  });
}
