import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

it("lists the flows curl made, the ClusterIP's reply from the pod, and times them out on the clock", async () => {
  const node = freshNode();
  expect(await run(node, "conntrack -L")).toEqual({
    out: "",
    err: "conntrack v1.4.6 (conntrack-tools): 0 flow entries have been shown.\n",
    code: 0,
  });
  await run(node, "curl -s -o /dev/null http://10.0.0.10:53");
  await run(node, "curl -s http://127.0.0.1:10248/healthz");
  await run(node, "sleep 5");
  expect(await run(node, "conntrack -L -p tcp")).toEqual({
    out: `tcp      6 115 TIME_WAIT src=10.224.0.4 dst=10.0.0.10 sport=32768 dport=53 src=10.224.0.8 dst=10.224.0.4 sport=53 dport=32768 [ASSURED] mark=0 use=1
tcp      6 115 TIME_WAIT src=127.0.0.1 dst=127.0.0.1 sport=32769 dport=10248 src=127.0.0.1 dst=127.0.0.1 sport=10248 dport=32769 [ASSURED] mark=0 use=1
`,
    err: "conntrack v1.4.6 (conntrack-tools): 2 flow entries have been shown.\n",
    code: 0,
  });
  expect(await run(node, "conntrack -L --dst 127.0.0.1 -p udp")).toEqual({
    out: "",
    err: "conntrack v1.4.6 (conntrack-tools): 0 flow entries have been shown.\n",
    code: 0,
  });
  expect((await run(node, "conntrack -L -d 10.0.0.10")).out).toBe(
    "tcp      6 115 TIME_WAIT src=10.224.0.4 dst=10.0.0.10 sport=32768 dport=53 src=10.224.0.8 dst=10.224.0.4 sport=53 dport=32768 [ASSURED] mark=0 use=1\n",
  );
  expect((await run(node, "conntrack -C")).out).toBe("2\n");
  await run(node, "sleep 116");
  expect((await run(node, "conntrack -C")).out).toBe("0\n");
});

it("keeps an unanswered SYN as SYN_SENT [UNREPLIED], and -F empties the table", async () => {
  const node = freshNode();
  await run(node, "iptables -t nat -F");
  expect((await run(node, "curl -s http://10.0.0.1:443")).code).toBe(28);
  expect(await run(node, "conntrack -L")).toEqual({
    out: "tcp      6 55 SYN_SENT src=10.224.0.4 dst=10.0.0.1 sport=32768 dport=443 [UNREPLIED] src=10.0.0.1 dst=10.224.0.4 sport=443 dport=32768 mark=0 use=1\n",
    err: "conntrack v1.4.6 (conntrack-tools): 1 flow entries have been shown.\n",
    code: 0,
  });
  expect(await run(node, "conntrack -F")).toEqual({
    out: "",
    err: "conntrack v1.4.6 (conntrack-tools): connection tracking table has been emptied.\n",
    code: 0,
  });
  expect((await run(node, "conntrack -C")).out).toBe("0\n");
  expect(await run(node, "conntrack")).toEqual({
    out: "",
    err: "conntrack v1.4.6 (conntrack-tools): no command specified\nTry `conntrack -h' or 'conntrack --help' for more information.\n",
    code: 2,
  });
});
