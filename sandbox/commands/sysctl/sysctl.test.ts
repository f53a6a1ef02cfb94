import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const node = freshNode();

it("reads the values the image's sysctl.d files set at boot, as procps prints them", async () => {
  expect(
    await run(node, "sysctl net.ipv4.ip_forward net.core.somaxconn vm.overcommit_memory net.ipv4.ip_local_port_range"),
  ).toEqual({
    out: [
      "net.ipv4.ip_forward = 1",
      "net.core.somaxconn = 16384",
      "vm.overcommit_memory = 1",
      "net.ipv4.ip_local_port_range = 32768\t60999",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
  expect(await run(node, "sysctl -n net.ipv4.tcp_retries2 net/ipv4/neigh/default/gc_thresh3")).toEqual({
    out: "8\n16384\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "sysctl -a -r '^vm\\.'")).toEqual({
    out: [
      "vm.dirty_background_ratio = 10",
      "vm.dirty_ratio = 20",
      "vm.max_map_count = 65530",
      "vm.min_free_kbytes = 67584",
      "vm.mmap_min_addr = 65536",
      "vm.overcommit_memory = 1",
      "vm.overcommit_ratio = 50",
      "vm.panic_on_oom = 0",
      "vm.swappiness = 60",
      "vm.vfs_cache_pressure = 100",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
});

it("lists a directory's keys and refuses unknown ones with procps's words and status", async () => {
  expect(await run(node, "sysctl net.ipv4.conf.eth0 | head -5")).toEqual({
    out: [
      "net.ipv4.conf.eth0.accept_redirects = 0",
      "net.ipv4.conf.eth0.accept_source_route = 0",
      "net.ipv4.conf.eth0.arp_announce = 0",
      "net.ipv4.conf.eth0.arp_ignore = 0",
      "net.ipv4.conf.eth0.forwarding = 1",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
  expect(await run(node, "sysctl x.y")).toEqual({
    out: "",
    err: "sysctl: cannot stat /proc/sys/x/y: No such file or directory\n",
    code: 255,
  });
  expect(await run(node, "sysctl -e x.y net.ipv4.ip_forward")).toEqual({
    out: "net.ipv4.ip_forward = 1\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "sysctl -w net.ipv4.ip_forward=yes")).toEqual({
    out: "",
    err: 'sysctl: setting key "net.ipv4.ip_forward": Invalid argument\n',
    code: 255,
  });
  expect(await run(node, "sysctl")).toMatchObject({ out: "", code: 1 });
});

it("writes through /proc/sys: sysctl -w and echo > are the same state", async () => {
  const n = freshNode();
  expect(await run(n, "sysctl -w net.ipv4.ip_forward=0; cat /proc/sys/net/ipv4/ip_forward")).toEqual({
    out: "net.ipv4.ip_forward = 0\n0\n",
    err: "",
    code: 0,
  });
  // ip_forward is conf.all.forwarding, and setting it sets every interface's (devinet.c).
  expect(await run(n, "sysctl -n net.ipv4.conf.all.forwarding net.ipv4.conf.eth0.forwarding")).toEqual({
    out: "0\n0\n",
    err: "",
    code: 0,
  });
  expect(await run(n, "echo 1 > /proc/sys/net/ipv4/ip_forward; sysctl net.ipv4.conf.eth0.forwarding")).toEqual({
    out: "net.ipv4.conf.eth0.forwarding = 1\n",
    err: "",
    code: 0,
  });
  expect(await run(n, "echo abc > /proc/sys/net/ipv4/ip_forward")).toEqual({
    out: "",
    err: "bash: echo: write error: Invalid argument\n",
    code: 1,
  });
  expect(await run(n, "echo x > /proc/sys/kernel/osrelease")).toEqual({
    out: "",
    err: "bash: /proc/sys/kernel/osrelease: Permission denied\n",
    code: 1,
  });
  expect(await run(n, "sysctl -q -w kernel.printk='3 4 1 3'; cat /proc/sys/kernel/printk")).toEqual({
    out: "3\t4\t1\t3\n",
    err: "",
    code: 0,
  });
});

it("--system applies every sysctl.d file in name order, then /etc/sysctl.conf", async () => {
  const n = freshNode();
  await run(n, "sysctl -w net.core.somaxconn=4096 >/dev/null");
  const { out, err, code } = await run(n, "sysctl --system");
  expect(err).toBe("");
  expect(code).toBe(0);
  expect(out.split("\n").filter((l) => l.startsWith("* Applying"))).toEqual([
    "* Applying /etc/sysctl.d/10-console-messages.conf ...",
    "* Applying /etc/sysctl.d/10-ipv6-privacy.conf ...",
    "* Applying /etc/sysctl.d/10-kernel-hardening.conf ...",
    "* Applying /etc/sysctl.d/10-magic-sysrq.conf ...",
    "* Applying /etc/sysctl.d/10-network-security.conf ...",
    "* Applying /etc/sysctl.d/10-ptrace.conf ...",
    "* Applying /etc/sysctl.d/10-zeropage.conf ...",
    "* Applying /usr/lib/sysctl.d/50-default.conf ...",
    "* Applying /usr/lib/sysctl.d/50-pid-max.conf ...",
    "* Applying /etc/sysctl.d/60-CIS.conf ...",
    "* Applying /etc/sysctl.d/99-cloudimg-ipv6.conf ...",
    "* Applying /usr/lib/sysctl.d/99-protect-links.conf ...",
    "* Applying /etc/sysctl.d/99-sysctl.conf ...",
    "* Applying /etc/sysctl.d/999-sysctl-aks.conf ...",
    "* Applying /etc/sysctl.conf ...",
  ]);
  expect(out.slice(out.indexOf("* Applying /etc/sysctl.d/999"))).toBe(
    [
      "* Applying /etc/sysctl.d/999-sysctl-aks.conf ...",
      "net.ipv4.ip_forward = 1",
      "net.ipv4.conf.all.forwarding = 1",
      "net.ipv6.conf.all.forwarding = 1",
      "net.bridge.bridge-nf-call-iptables = 1",
      "vm.overcommit_memory = 1",
      "kernel.panic = 10",
      "kernel.panic_on_oops = 1",
      "kernel.pid_max = 4194304",
      "fs.inotify.max_user_watches = 1048576",
      "fs.inotify.max_user_instances = 1024",
      "net.ipv4.tcp_retries2 = 8",
      "net.core.message_burst = 80",
      "net.core.message_cost = 40",
      "net.core.somaxconn = 16384",
      "net.ipv4.tcp_max_syn_backlog = 16384",
      "net.ipv4.neigh.default.gc_thresh1 = 4096",
      "net.ipv4.neigh.default.gc_thresh2 = 8192",
      "net.ipv4.neigh.default.gc_thresh3 = 16384",
      "* Applying /etc/sysctl.conf ...",
      "",
    ].join("\n"),
  );
  expect((await run(n, "sysctl -n net.core.somaxconn")).out).toBe("16384\n");
});

it("-p loads a file, naming a missing one", async () => {
  const n = freshNode();
  expect(
    await run(n, "printf 'vm.swappiness = 10\\n# note\\nbogus\\n-x.y = 1\\n' > /tmp/t.conf; sysctl -p /tmp/t.conf"),
  ).toEqual({
    out: "vm.swappiness = 10\n",
    err: "sysctl: /tmp/t.conf(3): invalid syntax, continuing...\n",
    code: 0,
  });
  expect(await run(n, "sysctl -p /etc/nope.conf")).toEqual({
    out: "",
    err: 'sysctl: cannot open "/etc/nope.conf": No such file or directory\n',
    code: 255,
  });
});
