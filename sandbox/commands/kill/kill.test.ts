import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const node = freshNode();

it("signals through the process table: systemd restarts a killed kubelet", async () => {
  const pid = (await run(node, "ps -C kubelet -o pid=")).out.trim();
  expect(await run(node, `kill -9 ${pid}`)).toEqual({ out: "", err: "", code: 0 });
  expect(await run(node, `kill -0 ${pid}`)).toEqual({
    out: "",
    err: `bash: kill: (${pid}) - No such process\n`,
    code: 1,
  });
  await run(node, "sleep 3");
  expect((await run(node, "systemctl is-active kubelet")).out).toBe("active\n");
});

it("prints bash's errors and usage", async () => {
  expect(await run(node, "kill")).toEqual({
    out: "",
    err: "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n",
    code: 2,
  });
  expect(await run(node, "kill -s BOGUS 1")).toEqual({
    out: "",
    err: "bash: kill: BOGUS: invalid signal specification\n",
    code: 1,
  });
  expect(await run(node, "kill 99999 x")).toEqual({
    out: "",
    err: "bash: kill: (99999) - No such process\nbash: kill: x: arguments must be process or job IDs\n",
    code: 1,
  });
  expect(await run(node, "kill -l 15 SIGKILL")).toEqual({ out: "TERM\n9\n", err: "", code: 0 });
});
