/** kubectl get -w: the table, then a row per change as the clock brings it, until Ctrl-C. */
import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

it("follows coredns through a stopped kubelet: NotReady, evicted, replaced", async () => {
  const node = freshNode();
  await run(node, "systemctl stop kubelet");
  const chunks: string[] = [];
  const done = node.exec("kubectl get pods -n kube-system -l k8s-app=kube-dns -w", { onOutput: (c) => chunks.push(c) });
  await settle();
  node.clock.advance(6 * 60_000);
  await settle();
  node.interrupt();
  expect(await done).toMatchObject({ exitCode: 130, stderr: "" });
  await expect(chunks.join("")).toMatchFileSnapshot("__snapshots__/watch-coredns.txt");
});
