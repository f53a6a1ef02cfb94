/** Start states, by name. Each is a function that brings a fresh World to its "now". */
import type { World } from "../world";
import { bootCniMissing } from "./cni-missing";
import { bootContainerdStopped } from "./containerd-stopped";
import { bootCrashloop } from "./crashloop";
import { bootDefender } from "./defender";
import { bootDiskPressure } from "./disk-pressure";
import { BOOT_TIME, bootHealthyNode } from "./healthy";
import { bootImagePullError } from "./image-pull-error";
import { bootKubeletBadFlag } from "./kubelet-bad-flag";
import { bootKubeletStopped } from "./kubelet-stopped";
import { bootMemoryPressure } from "./memory-pressure";
import { bootRandomFault } from "./random-fault";
import { bootSandboxImageWrong } from "./sandbox-image-wrong";

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
    boot: bootKubeletStopped,
  },
  "containerd-stopped": {
    description:
      "Someone ran `systemctl stop containerd` eight minutes ago: the kubelet runs but the node is NotReady, container runtime is down.",
    boot: bootContainerdStopped,
  },
  "cni-missing": {
    description:
      "Azure CNI's /etc/cni/net.d/10-azure.conflist was moved to /root six minutes ago: the node is NotReady (cni plugin not initialized) and a new pod is stuck in ContainerCreating.",
    boot: bootCniMissing,
  },
  "kubelet-bad-flag": {
    description:
      "A typo in /etc/default/kubelet's KUBELET_FLAGS (--maxpods=30): the kubelet exits at start, systemd restarts it every 2 s, the node is NotReady.",
    boot: bootKubeletBadFlag,
  },
  "disk-pressure": {
    description:
      "A runaway debug log under /var/log has filled the root filesystem: DiskPressure, a tainted node, an evicted pod.",
    boot: bootDiskPressure,
  },
  "sandbox-image-wrong": {
    description:
      "containerd's sandbox_image was changed to a pause tag that does not exist and containerd restarted; a new pod is stuck in ContainerCreating.",
    boot: bootSandboxImageWrong,
  },
  "image-pull-error": {
    description: "A pod in default was created with a mistyped image tag: ErrImagePull, then ImagePullBackOff.",
    boot: bootImagePullError,
  },
  crashloop: {
    description: "A pod in default whose container exits 1 three seconds after each start: CrashLoopBackOff.",
    boot: bootCrashloop,
  },
  "memory-pressure": {
    description:
      "A pod in default that outgrows its 256Mi memory limit: OOMKilled (exit 137), restarted with back-off.",
    boot: bootMemoryPressure,
  },
  defender: {
    description:
      "Defender for Containers was enabled forty minutes ago: its collector (SYS_ADMIN, SYS_RESOURCE, SYS_PTRACE) and publisher DaemonSets run beside the other agents.",
    boot: bootDefender,
  },
  "random-fault": {
    description:
      "One of kubelet-stopped, containerd-stopped, cni-missing, kubelet-bad-flag and sandbox-image-wrong, picked by the seed (seeds 1-5 give all five); the node records which one and its culprit.",
    boot: bootRandomFault,
  },
};

export const SCENARIO_BOOT_TIME = BOOT_TIME;
