/**
 * `ip` changes the namespace as the kernel does: addresses bring their prefix routes, a link
 * set down loses its routes (and the node its default route: ClusterIPs and CoreDNS become
 * unreachable), routes are refused as rtnetlink refuses them, with iproute2's texts and codes.
 */
import { describe, expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const NS = "cni-daa01a61-31a2-0f2b-9f4f-d7f340b40301";

describe("ip changes", () => {
  it("adds and deletes an address with its prefix route, refusing duplicates and bad input", async () => {
    const node = freshNode();
    expect(await run(node, "ip addr add 10.225.9.9/24 dev eth0")).toEqual({ out: "", err: "", code: 0 });
    expect((await run(node, "ip -4 -br a show dev eth0")).out).toBe(
      "eth0             UP             10.224.0.4/16 10.225.9.9/24 \n",
    );
    expect((await run(node, "ip route | grep 10.225")).out).toBe(
      "10.225.9.0/24 dev eth0 proto kernel scope link src 10.225.9.9 \n",
    );
    expect(await run(node, "ip addr add 10.225.9.9/24 dev eth0")).toEqual({
      out: "",
      err: "RTNETLINK answers: File exists\n",
      code: 2,
    });
    expect(await run(node, "ip addr add bogus dev eth0")).toEqual({
      out: "",
      err: 'Error: any valid prefix is expected rather than "bogus".\n',
      code: 1,
    });
    expect(await run(node, "ip addr add 10.1.1.1/32 dev x")).toEqual({
      out: "",
      err: 'Cannot find device "x"\n',
      code: 1,
    });
    expect(await run(node, "ip addr del 10.225.9.9/24 dev eth0; ip route | grep -c 10.225")).toEqual({
      out: "0\n",
      err: "",
      code: 1,
    });
    expect(await run(node, "ip addr del 10.225.9.9/24 dev eth0")).toEqual({
      out: "",
      err: "RTNETLINK answers: Cannot assign requested address\n",
      code: 2,
    });
  });

  it("adds, replaces and deletes routes as rtnetlink allows", async () => {
    const node = freshNode();
    expect(await run(node, "ip route add 10.50.0.0/16 via 10.224.0.1; ip route | grep 10.50")).toEqual({
      out: "10.50.0.0/16 via 10.224.0.1 dev eth0 \n",
      err: "",
      code: 0,
    });
    expect(await run(node, "ip route add 10.50.0.0/16 via 10.224.0.1")).toEqual({
      out: "",
      err: "RTNETLINK answers: File exists\n",
      code: 2,
    });
    // The key is destination and metric: replace swaps the metric-0 route, metric 5 is another.
    expect(
      await run(
        node,
        "ip route replace 10.50.0.0/16 dev eth0; ip route add 10.50.0.0/16 dev eth0 metric 5; ip route | grep 10.50",
      ),
    ).toEqual({
      out: "10.50.0.0/16 dev eth0 scope link \n10.50.0.0/16 dev eth0 scope link metric 5 \n",
      err: "",
      code: 0,
    });
    expect(await run(node, "ip route add 10.60.0.0/16 via 192.0.2.1")).toEqual({
      out: "",
      err: "Error: Nexthop has invalid gateway.\n",
      code: 2,
    });
    expect(await run(node, "ip route del 10.99.0.0/16")).toEqual({
      out: "",
      err: "RTNETLINK answers: No such process\n",
      code: 2,
    });
  });

  it("takes eth0 down: its routes go, and ClusterIPs (CoreDNS's too) are unreachable", async () => {
    const node = freshNode();
    await run(node, "ip link set eth0 down");
    expect((await run(node, "ip link show eth0")).out).toBe(
      "2: eth0: <BROADCAST,MULTICAST> mtu 1500 qdisc mq state DOWN mode DEFAULT group default qlen 1000\n    link/ether 00:22:48:8e:1c:5a brd ff:ff:ff:ff:ff:ff\n",
    );
    expect((await run(node, "ip route | grep -c eth0")).out).toBe("0\n");
    expect(await run(node, "curl -k https://10.0.0.1")).toEqual({
      out: "",
      err: "curl: (7) Failed to connect to 10.0.0.1 port 443 after 0 ms: Network is unreachable\n",
      code: 7,
    });
    expect(await run(node, "nslookup kubernetes.default.svc.cluster.local 10.0.0.10")).toEqual({
      out: ";; UDP setup with 10.0.0.10#53(10.0.0.10) for kubernetes.default.svc.cluster.local failed: network unreachable.\n;; no servers could be reached\n\n",
      err: "",
      code: 1,
    });
    // Up again, the kernel restores the subnet route; the DHCP routes are networkd's to add.
    await run(node, "ip link set eth0 up");
    expect((await run(node, "ip route | grep eth0")).out).toBe(
      "10.224.0.0/16 dev eth0 proto kernel scope link src 10.224.0.4 metric 100 \n",
    );
  });

  it("works inside a pod's namespace and flushes neighbours", async () => {
    const node = freshNode();
    expect(await run(node, `ip netns exec ${NS} ip link set lo down; ip netns exec ${NS} ip -br link`)).toEqual({
      out: "lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \neth0@if4         UP             e2:fc:be:8e:30:f4 <BROADCAST,MULTICAST,UP,LOWER_UP> \n",
      err: "",
      code: 0,
    });
    expect(await run(node, `ip netns exec ${NS} ip neigh flush all; ip netns exec ${NS} ip neigh`)).toEqual({
      out: "",
      err: "",
      code: 0,
    });
    expect(await run(node, "ip neigh flush")).toEqual({ out: "", err: "Flush requires arguments.\n", code: 255 });
  });
});
