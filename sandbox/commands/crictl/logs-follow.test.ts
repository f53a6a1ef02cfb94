/** `crictl logs -f`: what the log holds, then each line as the container writes it, until it exits or Ctrl-C. */
import { expect, it } from "vitest";
import { createSandbox } from "../../sandbox";
import { run } from "../../test-helpers";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

it("follows a crashing container's log to its end, and stops with the container", async () => {
  const node = createSandbox({ scenario: "crashloop" });
  // The 5-minute back-off runs out: attempt 7 starts, and fails three seconds later.
  await run(node, "sleep 149");
  const id = (await run(node, "crictl ps -q --name orders-api")).out.trim();
  expect(id).toMatch(/^[0-9a-f]{64}$/);
  const chunks: string[] = [];
  const done = node.exec(`crictl logs -f ${id}`, { onOutput: (c) => chunks.push(c) });
  await settle();
  expect(chunks).toEqual(['{"level":"info","msg":"orders-api 1.4.2 starting"}\n']);
  node.clock.advance(3_000);
  const streamed = [
    '{"level":"info","msg":"orders-api 1.4.2 starting"}\n',
    '{"level":"fatal","msg":"cannot start: environment variable ORDERS_DB_URL is not set"}\n',
  ];
  // The line's result holds what was streamed, as the shell keeps a command's written output.
  expect(await done).toEqual({ stdout: streamed.join(""), stderr: "", exitCode: 0 });
  expect(chunks).toEqual(streamed);
});

it("ends with 130 on Ctrl-C while the container keeps running", async () => {
  const node = createSandbox();
  const id = (await run(node, "crictl ps -q --name kube-proxy")).out.trim();
  const chunks: string[] = [];
  const done = node.exec(`crictl logs -f --tail 1 ${id}`, { onOutput: (c) => chunks.push(c) });
  await settle();
  expect(chunks).toEqual([
    "I1030 16:02:53.287366       1 bounded_frequency_runner.go:296] sync-runner: ran, next possible in 1s, periodic in 1h0m0s\n",
  ]);
  node.interrupt();
  expect(await done).toEqual({ stdout: chunks.join(""), stderr: "", exitCode: 130 });
});
