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
    description:
      "A Ready AKS 1.32.7 node (node image AKSUbuntu-2204gen2containerd-202510.03.1, containerd 1.7.28, Azure CNI), two hours after it joined the cluster, with its kube-system pods running.",
    boot: (w) => bootHealthyNode(w),
  },
  "kubelet-stopped": {
    description:
      "The same node, but `systemctl stop kubelet` ran seven minutes before the learner arrives: it is `NotReady`, its conditions `Unknown`, tainted unreachable.",
    boot: bootKubeletStopped,
  },
  "containerd-stopped": {
    description:
      '`systemctl stop containerd` ran eight minutes ago: the kubelet runs but the node is `Ready False` "container runtime is down", `crictl` cannot dial, NPD\'s `ContainerRuntimeProblem` is True.',
    boot: bootContainerdStopped,
  },
  "cni-missing": {
    description:
      '`10-azure.conflist` was moved from `/etc/cni/net.d` to `/root` six minutes ago: `Ready False` "cni plugin not initialized", a new pod `web` stuck `ContainerCreating`; moving it back heals the node.',
    boot: bootCniMissing,
  },
  "kubelet-bad-flag": {
    description:
      "`--max-pods=30` became `--maxpods=30` in `/etc/default/kubelet` and the kubelet was restarted six minutes ago: it exits with `unknown flag: --maxpods`, systemd restarts it every 2 s, the node is NotReady.",
    boot: bootKubeletBadFlag,
  },
  "disk-pressure": {
    description:
      "`/var/log/app/debug.log` ran away to 95 GiB: `df -h` shows 99%, `DiskPressure` and its taint, pod `web` evicted; deleting the log clears the condition 5 minutes later.",
    boot: bootDiskPressure,
  },
  "sandbox-image-wrong": {
    description:
      "containerd's `sandbox_image` was edited to a pause tag that does not exist and containerd restarted; a pod created since is stuck in `ContainerCreating` (`FailedCreatePodSandBox`).",
    boot: bootSandboxImageWrong,
  },
  "image-pull-error": {
    description:
      "A pod `web` in `default` with a mistyped tag (`nginx:1.277`): `ErrImagePull`, then `ImagePullBackOff`, the registry's `not found` in the events.",
    boot: bootImagePullError,
  },
  crashloop: {
    description:
      "A pod `orders-api` in `default` whose container exits 1 three seconds after each start: `CrashLoopBackOff`, restarts with back-off, the reason in `crictl logs`.",
    boot: bootCrashloop,
  },
  "memory-pressure": {
    description:
      "A pod `report-builder` in `default` that outgrows its 256Mi limit: OOM-killed (137, `OOMKilled`), restarted with back-off, the kernel's lines in `journalctl -k`.",
    boot: bootMemoryPressure,
  },
  defender: {
    description:
      "Defender for Containers enabled forty minutes ago: its collector (capabilities SYS_ADMIN, SYS_RESOURCE, SYS_PTRACE) and publisher DaemonSets and its misc Deployment run in kube-system beside the other agents.",
    boot: bootDefender,
  },
  "random-fault": {
    description:
      "One of the five node faults (kubelet-stopped, containerd-stopped, cni-missing, kubelet-bad-flag, sandbox-image-wrong), picked by the seed: the page's attempt number. Seeds 1-5 give all five; tests use 1 (`cni-missing`). The node records the fault and its culprit, for `{ fault: culprit }`.",
    boot: bootRandomFault,
  },
};

export const SCENARIO_BOOT_TIME = BOOT_TIME;
