/** A line that follows says so (exec's onFollow), so the page can show its "following" cue. */
import { expect, it } from "vitest";
import { freshNode } from "../test-helpers";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function follows(line: string): Promise<{ followed: number; code: number }> {
  const node = freshNode();
  let followed = 0;
  const run = node.exec(line, { onOutput: () => {}, onFollow: () => followed++ });
  for (let i = 0; i < 5; i++) await settle();
  node.interrupt();
  const { exitCode } = await run;
  return { followed, code: exitCode };
}

it("is told when journalctl -f, kubectl get -w and crictl logs -f start following", async () => {
  expect(await follows("journalctl -u kubelet -f")).toEqual({ followed: 1, code: 130 });
  expect(await follows("kubectl get pods -A -w")).toEqual({ followed: 1, code: 130 });
  expect(await follows("journalctl -f | grep kubelet")).toEqual({ followed: 1, code: 130 });
  const node = freshNode();
  const id = (await node.exec("crictl ps -q --name coredns")).stdout.split("\n")[0] as string;
  let followed = 0;
  const run = node.exec(`crictl logs -f ${id}`, { onFollow: () => followed++ });
  await settle();
  node.interrupt();
  expect((await run).exitCode).toBe(130);
  expect(followed).toBe(1);
});

it("is not told for a command that ends by itself", async () => {
  expect(await follows("journalctl -u kubelet -n 1")).toEqual({ followed: 0, code: 0 });
});
