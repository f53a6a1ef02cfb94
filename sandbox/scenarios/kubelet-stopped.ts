/**
 * `kubelet-stopped`: the healthy node, but someone ran `systemctl stop kubelet` seven minutes
 * ago. The fault is an event in the node's history, so the journal, the node's conditions and
 * the events show it as they would on a real node, not a state patched in.
 */
import type { World } from "../world";
import { bootHealthyNode, UPTIME_MS } from "./healthy";

export const KUBELET_STOPPED_AGO_MS = 7 * 60_000 + 12_345;

export function bootKubeletStopped(world: World): void {
  bootHealthyNode(world, (w) => {
    w.clock.setTimeout(() => w.systemd.stop("kubelet.service"), UPTIME_MS - KUBELET_STOPPED_AGO_MS);
  });
}
