/** Start states, by name. Each is a function that brings a fresh World to its "now". */
import type { World } from "../world";
import { bootDiskPressure } from "./disk-pressure";
import { BOOT_TIME, bootHealthyNode, UPTIME_MS } from "./healthy";

export interface Scenario {
  description: string;
  boot: (world: World) => void;
}

export const SCENARIOS: Record<string, Scenario> = {
  healthy: {
    description: "A Ready AKS 1.32 node, two hours after it joined the cluster.",
    boot: (w) => bootHealthyNode(w),
  },
  "kubelet-stopped": {
    description: "The same node, but someone ran `systemctl stop kubelet` seven minutes ago: it is NotReady.",
    // The fault is an event in the node's history, so the journal, the node's conditions and
    // the events show it as they would on a real node, not a state patched in.
    boot: (w) =>
      bootHealthyNode(w, (world) => {
        world.clock.setTimeout(() => world.systemd.stop("kubelet.service"), UPTIME_MS - 7 * 60_000 - 12_345);
      }),
  },
  "disk-pressure": {
    description:
      "A runaway debug log under /var/log has filled the root filesystem: DiskPressure, a tainted node, an evicted pod.",
    boot: bootDiskPressure,
  },
};

export const SCENARIO_BOOT_TIME = BOOT_TIME;
