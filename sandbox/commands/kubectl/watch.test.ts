/** kubectl get -w: the table, then a row per change as the clock brings it, until Ctrl-C. */
import { expect, it } from "vitest";
import { createSandbox } from "../../sandbox";
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

it("logs -f follows a crashing container to its end, and Ctrl-C ends it with 130", async () => {
  const node = createSandbox({ scenario: "crashloop" });
  await run(node, "sleep 149");
  const chunks: string[] = [];
  const done = node.exec("kubectl logs -f orders-api", { onOutput: (c) => chunks.push(c) });
  await settle();
  expect(chunks).toEqual(['{"level":"info","msg":"orders-api 1.4.2 starting"}\n']);
  node.clock.advance(3_000);
  expect(await done).toEqual({
    stdout:
      '{"level":"info","msg":"orders-api 1.4.2 starting"}\n{"level":"fatal","msg":"cannot start: environment variable ORDERS_DB_URL is not set"}\n',
    stderr: "",
    exitCode: 0,
  });
  const healthy = createSandbox();
  const follow = healthy.exec("kubectl logs -f --tail 1 kube-proxy-2kcxw -n kube-system", { onOutput: () => {} });
  await settle();
  healthy.interrupt();
  expect(await follow).toEqual({
    stdout:
      "I1030 16:02:53.287366       1 bounded_frequency_runner.go:296] sync-runner: ran, next possible in 1s, periodic in 1h0m0s\n",
    stderr: "",
    exitCode: 130,
  });
});
