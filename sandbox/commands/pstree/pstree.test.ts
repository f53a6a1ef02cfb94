import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const node = freshNode();

it("draws systemd's tree: containerd, the shims with their pods' processes, the kubelet, the login chain", async () => {
  const { out, err, code } = await run(node, "pstree");
  expect({ err, code }).toEqual({ err: "", code: 0 });
  const lines = out.split("\n");
  expect(lines[0]).toBe("systemd─┬─containerd───10*[{containerd}]");
  expect(lines).toContain("        ├─kubelet───13*[{kubelet}]");
  expect(lines).toContain("        ├─2*[containerd-shim─┬─coredns───8*[{coredns}]");
  expect(lines).toContain("        │                    ├─pause");
  expect(lines).toContain("        │                    └─11*[{containerd-shim}]]");
  expect(lines.at(-2)).toBe("        └─sshd───sshd───sshd───bash───sudo───bash───pstree");
});

it("shows PIDs with -p, unmerged", async () => {
  const pid = (await run(node, "ps -C kubelet -o pid=")).out.trim();
  const { out } = await run(node, "pstree -p");
  expect(out.split("\n")[0]).toMatch(/^systemd\(1\)─┬─containerd-shim\(\d+\)─┬─/);
  expect(out).toContain(`├─kubelet(${pid})\n`);
  expect(out).toMatch(
    /└─sshd\(688\)───sshd\(4102\)───sshd\(4116\)───bash\(4117\)───sudo\(4120\)───bash\(4121\)───pstree\(\d+\)\n$/,
  );
});
