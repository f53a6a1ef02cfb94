/**
 * `ip` and `nsenter` on a fresh node: the host's eth0 and one azv veth per pod (node-facts §6),
 * the pods' namespaces with their ids, and a pod's own view from inside its namespace.
 */
import { describe, expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const NS = "cni-daa01a61-31a2-0f2b-9f4f-d7f340b40301";

describe("ip on a fresh node", () => {
  const node = freshNode();

  it("shows lo, eth0 with its DHCP address and a host veth per pod, linked to the pod's namespace", async () => {
    expect(await run(node, "ip a")).toEqual({
      out: `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000
    link/ether 00:22:48:8e:1c:5a brd ff:ff:ff:ff:ff:ff
    inet 10.224.0.4/16 metric 100 brd 10.224.255.255 scope global eth0
       valid_lft forever preferred_lft forever
    inet6 fe80::222:48ff:fe8e:1c5a/64 scope link 
       valid_lft forever preferred_lft forever
4: azv99787447ded@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default 
    link/ether aa:aa:aa:aa:aa:aa brd ff:ff:ff:ff:ff:ff link-netns cni-daa01a61-31a2-0f2b-9f4f-d7f340b40301
    inet6 fe80::a8aa:aaff:feaa:aaaa/64 scope link 
       valid_lft forever preferred_lft forever
6: azvf7b083dbf86@if5: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default 
    link/ether aa:aa:aa:aa:aa:aa brd ff:ff:ff:ff:ff:ff link-netns cni-79047e60-751e-34b0-b5db-a052d4ec52c9
    inet6 fe80::a8aa:aaff:feaa:aaaa/64 scope link 
       valid_lft forever preferred_lft forever
8: azv271bb600f89@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default 
    link/ether aa:aa:aa:aa:aa:aa brd ff:ff:ff:ff:ff:ff link-netns cni-2f723259-fbd5-a17a-99b4-04b0912d999c
    inet6 fe80::a8aa:aaff:feaa:aaaa/64 scope link 
       valid_lft forever preferred_lft forever
10: azv18314508acc@if9: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default 
    link/ether aa:aa:aa:aa:aa:aa brd ff:ff:ff:ff:ff:ff link-netns cni-f98b2392-4b4c-45fa-ce4e-5e09e04a4712
    inet6 fe80::a8aa:aaff:feaa:aaaa/64 scope link 
       valid_lft forever preferred_lft forever
12: azv9b0ac7837f7@if11: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default 
    link/ether aa:aa:aa:aa:aa:aa brd ff:ff:ff:ff:ff:ff link-netns cni-997b30d6-abf8-dc09-d1fe-75cc80bbe880
    inet6 fe80::a8aa:aaff:feaa:aaaa/64 scope link 
       valid_lft forever preferred_lft forever
14: azvc492f41fbb3@if13: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default 
    link/ether aa:aa:aa:aa:aa:aa brd ff:ff:ff:ff:ff:ff link-netns cni-716759a3-1c74-516c-b755-3738b91635f2
    inet6 fe80::a8aa:aaff:feaa:aaaa/64 scope link 
       valid_lft forever preferred_lft forever
16: azv7c1d1d7ecef@if15: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default 
    link/ether aa:aa:aa:aa:aa:aa brd ff:ff:ff:ff:ff:ff link-netns cni-996f81ac-dc68-567e-4d0a-1b6b3f628b63
    inet6 fe80::a8aa:aaff:feaa:aaaa/64 scope link 
       valid_lft forever preferred_lft forever
18: azv82b2f5b4a13@if17: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default 
    link/ether aa:aa:aa:aa:aa:aa brd ff:ff:ff:ff:ff:ff link-netns cni-9f50dfc6-1a31-5c05-6c1d-a37ab64e948b
    inet6 fe80::a8aa:aaff:feaa:aaaa/64 scope link 
       valid_lft forever preferred_lft forever
20: azv82e6b9f36c4@if19: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default 
    link/ether aa:aa:aa:aa:aa:aa brd ff:ff:ff:ff:ff:ff link-netns cni-a752e4f1-91fc-f3ce-c3b4-b752f3f4981a
    inet6 fe80::a8aa:aaff:feaa:aaaa/64 scope link 
       valid_lft forever preferred_lft forever
`,
      err: "",
      code: 0,
    });
  });

  it("routes the default, the subnet, Azure's wireserver and IMDS via DHCP, and each pod by a /32", async () => {
    expect(await run(node, "ip route")).toEqual({
      out: `default via 10.224.0.1 dev eth0 proto dhcp src 10.224.0.4 metric 100 
10.224.0.0/16 dev eth0 proto kernel scope link src 10.224.0.4 metric 100 
10.224.0.1 dev eth0 proto dhcp scope link src 10.224.0.4 metric 100 
10.224.0.5 dev azv99787447ded scope link 
10.224.0.6 dev azvf7b083dbf86 scope link 
10.224.0.7 dev azv271bb600f89 scope link 
10.224.0.8 dev azv18314508acc scope link 
10.224.0.9 dev azv9b0ac7837f7 scope link 
10.224.0.10 dev azvc492f41fbb3 scope link 
10.224.0.11 dev azv7c1d1d7ecef scope link 
10.224.0.12 dev azv82b2f5b4a13 scope link 
10.224.0.13 dev azv82e6b9f36c4 scope link 
168.63.129.16 via 10.224.0.1 dev eth0 proto dhcp src 10.224.0.4 metric 100 
169.254.169.254 via 10.224.0.1 dev eth0 proto dhcp src 10.224.0.4 metric 100 
`,
      err: "",
      code: 0,
    });
  });

  it("lists the pods' namespaces newest first, each with its nsid", async () => {
    expect(await run(node, "ip netns list")).toEqual({
      out: `cni-a752e4f1-91fc-f3ce-c3b4-b752f3f4981a (id: 8)
cni-9f50dfc6-1a31-5c05-6c1d-a37ab64e948b (id: 7)
cni-996f81ac-dc68-567e-4d0a-1b6b3f628b63 (id: 6)
cni-716759a3-1c74-516c-b755-3738b91635f2 (id: 5)
cni-997b30d6-abf8-dc09-d1fe-75cc80bbe880 (id: 4)
cni-f98b2392-4b4c-45fa-ce4e-5e09e04a4712 (id: 3)
cni-2f723259-fbd5-a17a-99b4-04b0912d999c (id: 2)
cni-79047e60-751e-34b0-b5db-a052d4ec52c9 (id: 1)
cni-daa01a61-31a2-0f2b-9f4f-d7f340b40301 (id: 0)
`,
      err: "",
      code: 0,
    });
  });

  it("shows a pod's own namespace: lo and eth0 with the pod IP/16, routed via 169.254.1.1", async () => {
    expect(await run(node, `ip netns exec ${NS} ip a`)).toEqual({
      out: `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
3: eth0@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default 
    link/ether e2:fc:be:8e:30:f4 brd ff:ff:ff:ff:ff:ff link-netnsid 0
    inet 10.224.0.5/16 scope global eth0
       valid_lft forever preferred_lft forever
    inet6 fe80::e0fc:beff:fe8e:30f4/64 scope link 
       valid_lft forever preferred_lft forever
`,
      err: "",
      code: 0,
    });
    expect(await run(node, `ip netns exec ${NS} ip route`)).toEqual({
      out: "default via 169.254.1.1 dev eth0 \n169.254.1.1 dev eth0 scope link \n",
      err: "",
      code: 0,
    });
    expect((await run(node, `ip netns exec ${NS} ip neigh`)).out).toBe(
      "169.254.1.1 dev eth0 lladdr aa:aa:aa:aa:aa:aa STALE\n",
    );
    // nsenter into the pod's pause process sees the same namespace; pid 1 is the host's.
    const pause = (await run(node, `ip netns pids ${NS} | head -1`)).out.trim();
    expect(await run(node, `nsenter -t ${pause} -n ip -br a`)).toEqual({
      out: "lo               UNKNOWN        127.0.0.1/8 ::1/128 \neth0@if4         UP             10.224.0.5/16 fe80::e0fc:beff:fe8e:30f4/64 \n",
      err: "",
      code: 0,
    });
    expect((await run(node, "nsenter -t 1 -n ip -4 -br a")).out).toBe(
      "lo               UNKNOWN        127.0.0.1/8 \neth0             UP             10.224.0.4/16 \n",
    );
  });

  it("fails as iproute2 and util-linux do", async () => {
    expect(await run(node, "ip a show dev foo")).toEqual({ out: "", err: 'Device "foo" does not exist.\n', code: 1 });
    expect(await run(node, "ip foo")).toEqual({ out: "", err: 'Object "foo" is unknown, try "ip help".\n', code: 1 });
    expect(await run(node, "ip netns exec nope ip a")).toEqual({
      out: "",
      err: 'Cannot open network namespace "nope": No such file or directory\n',
      code: 1,
    });
    expect(await run(node, "ip route frob 10.0.0.0/8 dev eth0")).toEqual({
      out: "",
      err: 'Command "frob" is unknown, try "ip route help".\n',
      code: 255,
    });
    expect(await run(node, "nsenter -t 99999 -n ip a")).toEqual({
      out: "",
      err: "nsenter: cannot open /proc/99999/ns/net: No such file or directory\n",
      code: 1,
    });
  });
});
