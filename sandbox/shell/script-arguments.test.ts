/**
 * The node's commands are reached through scripts in PATH ahead of /usr/bin, as on the real
 * node (`/usr/sbin/iptables`, `/usr/local/bin/kubectl`): every argument must reach the command,
 * not only the first nine (just-bash 3.4.2 dropped the rest; scripts/patch-just-bash.mjs).
 */
import { expect, test } from "vitest";
import { freshNode, run } from "../test-helpers";

test("a command run through its PATH script gets its tenth argument and on", async () => {
  const node = freshNode();
  expect(await run(node, "type iptables")).toEqual({ out: "iptables is /usr/sbin/iptables\n", err: "", code: 0 });
  const rule = "-t nat -I PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.224.0.44:80";
  expect(await run(node, `iptables ${rule}`)).toEqual({ out: "", err: "", code: 0 });
  expect(await run(node, "iptables -t nat -S PREROUTING | grep 8080")).toEqual({
    out: "-A PREROUTING -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.224.0.44:80\n",
    err: "",
    code: 0,
  });
});

test("a script and `source` see every positional parameter", async () => {
  const node = freshNode();
  await run(node, `printf '#!/bin/bash\\necho "$# \${10} \${11} $*"\\n' > /tmp/args.sh && chmod +x /tmp/args.sh`);
  const expected = { out: "11 j k a b c d e f g h i j k\n", err: "", code: 0 };
  expect(await run(node, "/tmp/args.sh a b c d e f g h i j k")).toEqual(expected);
  expect(await run(node, "source /tmp/args.sh a b c d e f g h i j k")).toEqual(expected);
});
