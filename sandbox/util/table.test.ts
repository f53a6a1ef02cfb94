import { expect, it } from "vitest";
import { CRICTL_TABWRITER, KUBECTL_TABWRITER, tabwrite } from "./table";

it("pads like Go's tabwriter for crictl (minwidth 20) and kubectl (minwidth 0)", () => {
  const rows = [
    ["POD ID", "STATE", "NAME"],
    ["9c2424e6c8357", "Ready", "kube-proxy-586tp"],
  ];
  expect(tabwrite(rows, CRICTL_TABWRITER)).toBe(
    "POD ID              STATE               NAME\n9c2424e6c8357       Ready               kube-proxy-586tp\n",
  );
  expect(tabwrite(rows, KUBECTL_TABWRITER)).toBe(
    "POD ID          STATE   NAME\n9c2424e6c8357   Ready   kube-proxy-586tp\n",
  );
});
