/**
 * `containerd-stopped`: the healthy node, but someone ran `systemctl stop containerd` eight
 * minutes ago. The kubelet keeps running and heart-beating, so the node stays registered, but
 * every status update finds the CRI socket gone: Ready False KubeletNotReady "container runtime
 * is down" (node-facts §9); crictl cannot dial; node-problem-detector reports
 * ContainerRuntimeProblem. The containers keep running: their shims outlive containerd.
 */
import type { World } from "../world";
import { bootHealthyNode, UPTIME_MS } from "./healthy";

export const CONTAINERD_STOPPED_AGO_MS = 8 * 60_000 + 21_704;

export function bootContainerdStopped(world: World): void {
  bootHealthyNode(world, (w) => {
    w.clock.setTimeout(() => w.systemd.stop("containerd.service"), UPTIME_MS - CONTAINERD_STOPPED_AGO_MS);
  });
}
