import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

it("prints procps' uptime line from the simulated clock, with /proc/loadavg's load", async () => {
  const node = freshNode();
  const [one, five, fifteen] = (await run(node, "cat /proc/loadavg")).out.split(" ");
  expect(await run(node, "uptime")).toEqual({
    out: ` 16:06:00 up  2:03,  1 user,  load average: ${one}, ${five}, ${fifteen}\n`,
    err: "",
    code: 0,
  });
  expect(Number(one)).toBeGreaterThan(0.1);
  expect(Number(one)).toBeLessThan(0.6);
  expect(await run(node, "uptime -p; uptime -s")).toEqual({
    out: "up 2 hours, 3 minutes\n2025-10-30 14:02:11\n",
    err: "",
    code: 0,
  });
  await run(node, "sleep 1d");
  expect((await run(node, "uptime")).out).toMatch(/^ 16:06:00 up 1 day, {2}2:03, {2}1 user, {2}load average: /);
  expect((await run(node, "uptime -x")).err).toMatch(/^uptime: invalid option -- 'x'\n\nUsage:\n uptime \[options\]\n/);
});
