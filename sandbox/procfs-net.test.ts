/**
 * /proc/net on a fresh node (2 h after boot), in the host's namespace and in a pod's, in the
 * kernel's formats: route (fib_trie.c, lines padded to 127), dev (net-procfs.c), tcp (lines
 * padded to 149), tcp6, udp (padded to 127), nf_conntrack.
 */
import { expect, it } from "vitest";
import { freshNode, run } from "./test-helpers";

const node = freshNode();
/** seq_setwidth + seq_pad: the kernel pads the line with spaces to a fixed width. */
const pad = (width: number, ...lines: string[]) => lines.map((l) => `${l.padEnd(width)}\n`).join("");
const ROUTE_HEADER = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT";

it("prints the host's main table in key order, addresses as little-endian hex", async () => {
  // The pods' /32 routes (10.224.0.5 ...) sort between the gateway and the wireserver.
  const pod = (veth: string, ip: string) => `${veth}\t${ip}\t00000000\t0005\t0\t0\t0\tFFFFFFFF\t0\t0\t0`;
  expect(await run(node, "cat /proc/net/route")).toEqual({
    out: pad(
      127,
      ROUTE_HEADER,
      "eth0\t00000000\t0100E00A\t0003\t0\t0\t100\t00000000\t0\t0\t0",
      "eth0\t0000E00A\t00000000\t0001\t0\t0\t100\t0000FFFF\t0\t0\t0",
      "eth0\t0100E00A\t00000000\t0005\t0\t0\t100\tFFFFFFFF\t0\t0\t0",
      pod("azv99787447ded", "0500E00A"),
      pod("azvf7b083dbf86", "0600E00A"),
      pod("azv271bb600f89", "0700E00A"),
      pod("azv18314508acc", "0800E00A"),
      pod("azv9b0ac7837f7", "0900E00A"),
      pod("azvc492f41fbb3", "0A00E00A"),
      pod("azv7c1d1d7ecef", "0B00E00A"),
      pod("azv82b2f5b4a13", "0C00E00A"),
      pod("azv82e6b9f36c4", "0D00E00A"),
      "eth0\t10813FA8\t0100E00A\t0007\t0\t0\t100\tFFFFFFFF\t0\t0\t0",
      "eth0\tFEA9FEA9\t0100E00A\t0007\t0\t0\t100\tFFFFFFFF\t0\t0\t0",
    ),
    err: "",
    code: 0,
  });
});

it("follows the routing table: a route added shows at once", async () => {
  const n = freshNode();
  await run(n, "ip route add 192.168.7.0/24 via 10.224.0.1 dev eth0");
  expect((await run(n, "grep 0007A8C0 /proc/net/route")).out).toBe(
    pad(127, "eth0\t0007A8C0\t0100E00A\t0003\t0\t0\t0\t00FFFFFF\t0\t0\t0"),
  );
});

it("lists the listening sockets ss shows, in the same order, with owner uid and inode", async () => {
  expect(await run(node, "cat /proc/net/tcp")).toEqual({
    out: pad(
      149,
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
      "   0: 0100007F:2808 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 38232 1 ffff8f3ce7504100 100 0 0 10 0",
      "   1: 0100007F:89CB 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 35147 1 ffff8f3c1e34e900 100 0 0 10 0",
      "   2: 3500007F:0035 00000000:0000 0A 00000000:00000000 00:00000000 00000000   101        0 45208 1 ffff8f3cc07b5700 100 0 0 10 0",
      "   3: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 39443 1 ffff8f3cf03a0100 100 0 0 10 0",
    ),
    err: "",
    code: 0,
  });
  // Go's wildcard listeners are one dual-stack IPv6 socket each; sshd has its own [::]:22.
  const zero = "00000000000000000000000000000000";
  expect((await run(node, "cat /proc/net/tcp6")).out).toBe(
    [
      "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
      `   0: ${zero}:2809 ${zero}:0000 0A 00000000:00000000 00:00000000 00000000     0        0 57121 1 ffff8f3c3ad17500 100 0 0 10 0`,
      `   1: ${zero}:280A ${zero}:0000 0A 00000000:00000000 00:00000000 00000000     0        0 37975 1 ffff8f3cd73c3400 100 0 0 10 0`,
      `   2: ${zero}:2810 ${zero}:0000 0A 00000000:00000000 00:00000000 00000000     0        0 48332 1 ffff8f3cfc969f00 100 0 0 10 0`,
      `   3: ${zero}:2811 ${zero}:0000 0A 00000000:00000000 00:00000000 00000000     0        0 39816 1 ffff8f3cd57fe900 100 0 0 10 0`,
      `   4: ${zero}:0016 ${zero}:0000 0A 00000000:00000000 00:00000000 00000000     0        0 44791 1 ffff8f3cd4f9b200 100 0 0 10 0`,
      "",
    ].join("\n"),
  );
  // chronyd bound its port as root before dropping to _chrony; resolved runs as systemd-resolve (101).
  expect((await run(node, "cat /proc/net/udp")).out).toBe(
    pad(
      127,
      "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops",
      "   53: 3500007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 37543 2 ffff8f3c534c0b00 0",
      "  323: 0100007F:0143 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 41558 2 ffff8f3cb645f500 0",
    ),
  );
});

it("hides kernel pointers from root too once kptr_restrict is 2", async () => {
  const n = freshNode();
  await run(n, "sysctl -qw kernel.kptr_restrict=2");
  expect((await run(n, "grep -c 0000000000000000 /proc/net/udp")).out).toBe("2\n");
  expect((await run(n, "systemctl stop chrony; grep -c :0143 /proc/net/udp")).out).toBe("0\n");
});

it("counts each interface's traffic by its age, lo and eth0 since boot, veths since the pod", async () => {
  const { out } = await run(node, "head -4 /proc/net/dev");
  expect(out).toBe(
    [
      "Inter-|   Receive                                                |  Transmit",
      " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed",
      "    lo: 8595353   99548    0    0    0     0          0         0  8595353   99548    0    0    0     0       0          0",
      "  eth0: 69921748  306817    0    0    0     0          0         0 52805332  268929    0    0    0     0       0          0",
      "",
    ].join("\n"),
  );
  const n = freshNode();
  await run(n, "sleep 10");
  expect((await run(n, "grep eth0 /proc/net/dev")).out).toBe(
    "  eth0: 70015868  307230    0    0    0     0          0         0 52876412  269291    0    0    0     0       0          0\n",
  );
});

it("shows a pod's own namespace to a process inside it, and to the shell under ip netns exec", async () => {
  const ns = (await run(node, "ip netns list | tail -1 | cut -d' ' -f1")).out.trim();
  const inPod = await run(node, `ip netns exec ${ns} cat /proc/net/route /proc/net/tcp6`);
  expect(inPod.out).toBe(
    pad(
      127,
      ROUTE_HEADER,
      "eth0\t00000000\t0101FEA9\t0003\t0\t0\t0\t00000000\t0\t0\t0",
      "eth0\t0101FEA9\t00000000\t0005\t0\t0\t0\tFFFFFFFF\t0\t0\t0",
    ) +
      "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n",
  );
  // The pause process of that pod: /proc/PID/net is the pod's, whoever reads it.
  const pid = (await run(node, `ip netns pids ${ns} | head -1`)).out.trim();
  const { out } = await run(node, `cat /proc/${pid}/net/dev`);
  expect(out.split("\n")[2]).toBe(
    "    lo:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0",
  );
  expect((await run(node, "cat /proc/1/net/route | wc -l")).out).toBe(
    (await run(node, "cat /proc/net/route | wc -l")).out,
  );
  expect(await run(node, "cat /proc/net/nope")).toEqual({
    out: "",
    err: "cat: /proc/net/nope: No such file or directory\n",
    code: 1,
  });
});

it("lists tracked flows as /proc/net/nf_conntrack does, with zone and use", async () => {
  const n = freshNode();
  await run(n, "curl -s -m 1 10.0.0.1");
  expect((await run(n, "cat /proc/net/nf_conntrack")).out).toBe(
    "ipv4     2 tcp      6 181 SYN_SENT src=10.224.0.4 dst=10.0.0.1 sport=32768 dport=80 [UNREPLIED] src=10.0.0.1 dst=10.224.0.4 sport=80 dport=32768 mark=0 zone=0 use=2\n",
  );
});
