import { describe, expect, it } from "vitest";
import { createSandbox } from "@/sandbox";
import { diagramSummary, problems } from "./node-diagram-summary";

describe("the diagram's summary", () => {
  it("says every part runs on a healthy node", () => {
    expect(diagramSummary(createSandbox().view())).toBe("Every part is running.");
  });

  it("names what is wrong in the node's words, the first three of it", async () => {
    const sb = createSandbox({ scenario: "cni-missing" });
    await sb.exec("systemctl stop kubelet");
    const view = sb.view();
    expect(problems(view)).toEqual([
      "Node NotReady (KubeletNotReady)",
      "kubelet.service inactive (dead)",
      "CNI config missing",
      "pod default/web ContainerCreating",
    ]);
    expect(diagramSummary(view)).toBe(
      "Node NotReady (KubeletNotReady); kubelet.service inactive (dead); CNI config missing; and 1 more",
    );
  });
});
