/**
 * random-fault: the seed picks the fault, seeds 1-5 give all five, and each seed's node shows
 * that fault's symptoms (its scenario boots it) and records it with its culprit.
 */
import { describe, expect, it } from "vitest";
import { HOST } from "../test-helpers";
import { faultNode } from "./fault-node";
import { FAULTS, faultForSeed } from "./random-fault";

/** The first look an engineer takes: the node's status, Ready's reason, the two units, pods not Running. */
const TRIAGE = [
  "kubectl get nodes | tail -1",
  `kubectl get node -o json | jq -r '.items[0].status.conditions[] | select(.type == "Ready") | "\\(.status) \\(.reason)"'`,
  "systemctl is-active kubelet containerd",
  "kubectl get pods --no-headers 2>&1",
].join("; ");

describe("random-fault", () => {
  it("gives all five faults to seeds 1-5, and again to 6-10 in another order", () => {
    const first = [1, 2, 3, 4, 5].map((s) => faultForSeed(s).scenario);
    const second = [6, 7, 8, 9, 10].map((s) => faultForSeed(s).scenario);
    expect(first).toEqual([
      "cni-missing",
      "kubelet-stopped",
      "containerd-stopped",
      "kubelet-bad-flag",
      "sandbox-image-wrong",
    ]);
    expect([...second].sort()).toEqual(FAULTS.map((f) => f.scenario).sort());
    expect(second).not.toEqual(first);
    expect(faultForSeed(7)).toBe(faultForSeed(7));
  });

  it.each([
    [
      1,
      { scenario: "cni-missing", culprit: "/etc/cni/net.d/10-azure.conflist", aliases: ["10-azure.conflist"] },
      `${HOST}   NotReady   <none>   123m   v1.32.7
False KubeletNotReady
active
active
web   0/1   ContainerCreating   0   3m16s
`,
    ],
    [
      2,
      { scenario: "kubelet-stopped", culprit: "kubelet.service", aliases: ["kubelet"] },
      `${HOST}   NotReady   <none>   123m   v1.32.7
Unknown NodeStatusUnknown
inactive
active
No resources found in default namespace.
`,
    ],
    [
      3,
      { scenario: "containerd-stopped", culprit: "containerd.service", aliases: ["containerd"] },
      `${HOST}   NotReady   <none>   123m   v1.32.7
False KubeletNotReady
active
inactive
No resources found in default namespace.
`,
    ],
    [
      4,
      { scenario: "kubelet-bad-flag", culprit: "/etc/default/kubelet", aliases: [] },
      `${HOST}   NotReady   <none>   123m   v1.32.7
Unknown NodeStatusUnknown
activating
active
No resources found in default namespace.
`,
    ],
    [
      5,
      { scenario: "sandbox-image-wrong", culprit: "/etc/containerd/config.toml", aliases: ["config.toml"] },
      `${HOST}   Ready    <none>   123m   v1.32.7
True KubeletReady
active
active
web   0/1   ContainerCreating   0   12m
`,
    ],
  ])("seed %i: records %o and shows its symptoms", async (seed, fault, symptoms) => {
    const node = faultNode("random-fault", seed);
    expect(node.world.fault).toEqual(fault);
    expect((await node.run(TRIAGE)).out).toBe(symptoms);
  });
});
