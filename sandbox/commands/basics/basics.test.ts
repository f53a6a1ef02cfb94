import { expect, it } from "vitest";
import { freshNode, HOST, run } from "../../test-helpers";

it("answers identity questions from the node's state", async () => {
  const node = freshNode();
  expect((await run(node, "hostname; whoami; uname -sr; date +%F")).out).toBe(
    `${HOST}\nroot\nLinux 5.15.0-1096-azure\n2025-10-30\n`,
  );
  expect((await run(node, "uname -a")).out).toBe(
    `Linux ${HOST} 5.15.0-1096-azure #105-Ubuntu SMP Fri Aug 29 15:44:42 UTC 2025 x86_64 x86_64 x86_64 GNU/Linux\n`,
  );
  expect(await run(node, "uname -z")).toEqual({
    out: "",
    err: "uname: invalid option -- 'z'\nTry 'uname --help' for more information.\n",
    code: 1,
  });
  expect((await run(node, "kubelet --version; which kubectl")).out).toBe(
    "Kubernetes v1.32.7\n/usr/local/bin/kubectl\n",
  );
});
