import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const node = freshNode();

it("id answers for root (the shell after sudo -i) and for azureuser", async () => {
  expect(await run(node, "id; id -u; id -un; id -G azureuser")).toEqual({
    out: "uid=0(root) gid=0(root) groups=0(root)\n0\nroot\n1000 4 20 24 25 27 29 30 44 46 119 120\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "id nobody2")).toEqual({ out: "", err: "id: 'nobody2': no such user\n", code: 1 });
  expect(await run(node, "id -ug")).toEqual({
    out: "",
    err: 'id: cannot print "only" of more than one choice\n',
    code: 1,
  });
});

it("who and w show the learner's SSH login on pts/0", async () => {
  expect(await run(node, "who")).toEqual({
    out: "azureuser pts/0        2025-10-30 16:06 (10.225.0.4)\n",
    err: "",
    code: 0,
  });
  const { out } = await run(node, "w");
  const uptime = (await run(node, "uptime")).out;
  expect(out).toBe(
    `${uptime}USER     TTY      FROM             LOGIN@   IDLE   JCPU   PCPU WHAT\nazureuse pts/0    10.225.0.4       16:06    0.00s  0.04s  0.00s w\n`,
  );
  expect(await run(node, "w -x")).toMatchObject({ out: "", code: 1 });
});
