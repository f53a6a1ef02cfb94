/**
 * `random-fault`: the troubleshooting capstone's start state. One of the five node faults, picked
 * by the sandbox's seed (the page's attempt number), booted by that fault's own scenario, and
 * recorded on the World with its culprit so a question ("What was broken?") is graded against
 * the fault this node really has. Seeds 1-5 give all five; each further block of five seeds
 * gives all five again in another order, so attempts do not cycle predictably.
 */
import { sha256Hex } from "../util/sha256";
import type { InjectedFault, World } from "../world";
import { bootCniMissing, CNI_CONFLIST } from "./cni-missing";
import { bootContainerdStopped } from "./containerd-stopped";
import { bootKubeletBadFlag } from "./kubelet-bad-flag";
import { bootKubeletStopped } from "./kubelet-stopped";
import { bootSandboxImageWrong } from "./sandbox-image-wrong";

interface FaultChoice extends InjectedFault {
  boot: (world: World) => void;
}

/** The faults, each with what an engineer would name as broken. */
export const FAULTS: readonly FaultChoice[] = [
  { scenario: "kubelet-stopped", culprit: "kubelet.service", aliases: ["kubelet"], boot: bootKubeletStopped },
  {
    scenario: "containerd-stopped",
    culprit: "containerd.service",
    aliases: ["containerd"],
    boot: bootContainerdStopped,
  },
  { scenario: "cni-missing", culprit: CNI_CONFLIST, aliases: ["10-azure.conflist"], boot: bootCniMissing },
  { scenario: "kubelet-bad-flag", culprit: "/etc/default/kubelet", aliases: [], boot: bootKubeletBadFlag },
  {
    scenario: "sandbox-image-wrong",
    culprit: "/etc/containerd/config.toml",
    aliases: ["config.toml"],
    boot: bootSandboxImageWrong,
  },
];

/** The fault a seed gives: seeds in the same block of five get the five faults in a hashed order. */
export function faultForSeed(seed: number): FaultChoice {
  const n = Math.floor(seed) - 1;
  const block = Math.floor(n / FAULTS.length);
  const order = [...FAULTS].sort((a, b) => {
    const ka = sha256Hex(`random-fault:${block}:${a.scenario}`);
    const kb = sha256Hex(`random-fault:${block}:${b.scenario}`);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return order[((n % FAULTS.length) + FAULTS.length) % FAULTS.length] as FaultChoice;
}

export function bootRandomFault(world: World): void {
  const { boot, ...fault } = faultForSeed(world.seed);
  world.fault = fault;
  boot(world);
}
