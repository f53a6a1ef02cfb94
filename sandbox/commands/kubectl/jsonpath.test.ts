import { describe, expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";
import { jsonpath } from "./jsonpath";

const list = {
  items: [
    {
      metadata: { name: "a", labels: { "app.kubernetes.io/name": "x" } },
      status: { conditions: [{ type: "Ready", status: "True" }], n: 3 },
    },
    { metadata: { name: "b" }, status: { conditions: [{ type: "Ready", status: "False" }], n: 12 } },
  ],
};

describe("jsonpath (client-go util/jsonpath)", () => {
  it("walks fields, indexes, slices, wildcards, filters and ranges", () => {
    expect(jsonpath("{.items[*].metadata.name}", list)).toBe("a b");
    expect(jsonpath("{.items[-1].metadata.name}", list)).toBe("b");
    expect(jsonpath("{.items[0:1].metadata.name}", list)).toBe("a");
    expect(jsonpath("{.items[?(@.status.n>5)].metadata.name}", list)).toBe("b");
    expect(jsonpath('{.items[?(@.metadata.name=="a")].status.conditions[?(@.type=="Ready")].status}', list)).toBe(
      "True",
    );
    expect(jsonpath("{.items[0].metadata.labels['app.kubernetes.io/name']}", list)).toBe("x");
    expect(jsonpath("{..name}", list)).toBe("a b");
    expect(jsonpath('{range .items[*]}{.metadata.name}{"\\t"}{.status.n}{"\\n"}{end}', list)).toBe("a\t3\nb\t12\n");
    expect(jsonpath("names: {.items[*].metadata.name}", list)).toBe("names: a b");
    expect(jsonpath("{.items[0].status.conditions[0]}", list)).toBe('{"type":"Ready","status":"True"}');
    expect(jsonpath("{.items[0].missing}", list)).toBe("");
  });

  it("rejects what kubectl's parser rejects", () => {
    expect(() => jsonpath("{.items[}", list)).toThrow("unterminated array");
    expect(() => jsonpath("{range .items[*]}{.x}", list)).toThrow("unclosed range");
    expect(() => jsonpath("{.items[9]}", list)).toThrow("array index out of bounds: index 9, length 2");
  });
});

describe("kubectl get -o jsonpath | custom-columns, --no-headers", () => {
  it("prints from the object or the List, as kubectl does", async () => {
    const node = freshNode();
    expect(
      (await run(node, "kubectl get node aks-nodepool1-12345678-vmss000000 -o jsonpath='{.status.capacity.pods}'")).out,
    ).toBe("30");
    expect(
      (await run(node, "kubectl get nodes -o jsonpath='{.items[*].status.nodeInfo.containerRuntimeVersion}'")).out,
    ).toBe("containerd://1.7.28-1");
    expect(
      (
        await run(
          node,
          "kubectl get pods -n kube-system -l k8s-app=kube-dns -o custom-columns=NAME:.metadata.name,READY:.status.containerStatuses[0].ready,MISSING:.spec.nope",
        )
      ).out,
    ).toBe(
      (
        await run(
          node,
          "kubectl get pods -n kube-system -l k8s-app=kube-dns -o jsonpath='{range .items[*]}{.metadata.name}{\"\\n\"}{end}'",
        )
      ).out
        .trim()
        .split("\n")
        .reduce((table, name) => `${table}${name}   true    <none>\n`, "NAME                       READY   MISSING\n"),
    );
    const headless = await run(node, "kubectl get nodes --no-headers");
    expect(headless.out).toBe("aks-nodepool1-12345678-vmss000000   Ready   <none>   123m   v1.32.7\n");
    expect(await run(node, "kubectl get nodes -o jsonpath='{.items[}'")).toEqual({
      out: "",
      err: "error: error parsing jsonpath {.items[}, unterminated array\n",
      code: 1,
    });
  });
});
