import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

it("prints procps' uptime line from the simulated clock", async () => {
  const node = freshNode();
  expect(await run(node, "uptime")).toEqual({
    out: " 16:06:00 up  2:03,  1 user,  load average: 0.26, 0.29, 0.21\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "uptime -p; uptime -s")).toEqual({
    out: "up 2 hours, 3 minutes\n2025-10-30 14:02:11\n",
    err: "",
    code: 0,
  });
  await run(node, "sleep 1d");
  expect((await run(node, "uptime")).out).toMatch(/^ 16:06:00 up 1 day, {2}2:03, {2}1 user, {2}load average: /);
});
