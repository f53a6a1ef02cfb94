import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

it("pod IPs answer, a ClusterIP does not, unknown names fail", async () => {
  const node = freshNode();
  expect(await run(node, "ping -c 3 10.224.0.7")).toEqual({
    out: "PING 10.224.0.7 (10.224.0.7) 56(84) bytes of data.\n64 bytes from 10.224.0.7: icmp_seq=1 ttl=64 time=0.046 ms\n64 bytes from 10.224.0.7: icmp_seq=2 ttl=64 time=0.051 ms\n64 bytes from 10.224.0.7: icmp_seq=3 ttl=64 time=0.083 ms\n\n--- 10.224.0.7 ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 2002ms\nrtt min/avg/max/mdev = 0.046/0.060/0.083/0.016 ms\n",
    err: "",
    code: 0,
  });
  // The echo left an ICMP flow in conntrack, answered by the pod.
  expect((await run(node, "conntrack -L -p icmp")).out).toMatch(
    /^icmp {5}1 30 src=10.224.0.4 dst=10.224.0.7 type=8 code=0 id=\d+ src=10.224.0.7 dst=10.224.0.4 type=0 code=0 id=\d+ mark=0 use=1\n$/,
  );
  const svc = await run(node, "ping -c 2 10.0.0.10");
  expect(svc).toEqual({
    out: "PING 10.0.0.10 (10.0.0.10) 56(84) bytes of data.\n\n--- 10.0.0.10 ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time 1002ms\n",
    err: "",
    code: 1,
  });
  expect(await run(node, "ping nowhere")).toEqual({
    out: "",
    err: "ping: nowhere: Name or service not known\n",
    code: 2,
  });
});
