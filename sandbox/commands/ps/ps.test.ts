import { describe, expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("ps", () => {
  it("lists this terminal's processes by default", async () => {
    const node = freshNode();
    expect(await run(node, "ps")).toEqual({
      out: lines("    PID TTY          TIME CMD", "   4121 pts/0    00:00:00 bash", "   5015 pts/0    00:00:00 ps"),
      err: "",
      code: 0,
    });
  });

  it("prints -ef and aux in procps' columns, from the node's process table", async () => {
    const node = freshNode();
    const ef = await run(node, "ps -ef | head -5");
    expect(ef.out.split("\n").slice(0, 3)).toEqual([
      "UID          PID    PPID  C STIME TTY          TIME CMD",
      "root           1       0  0 14:02 ?        00:00:02 /sbin/init",
      "root         168       1  0 14:02 ?        00:00:06 /lib/systemd/systemd-journald",
    ]);
    await expect(ef.out).toMatchFileSnapshot("__snapshots__/ef-head-5.txt");
    // A VSZ wider than its column pushes the row right; the next padding takes it back.
    await expect((await run(node, "ps aux | grep kubelet")).out).toMatchFileSnapshot(
      "__snapshots__/aux-grep-kubelet.txt",
    );
    // One pause process per pod, as uid 65535, under its pod's shim.
    expect((await run(node, "ps -ef | grep '/pause$' | head -4")).out).toBe(
      lines(
        "65535        826     825  0 14:02 ?        00:00:00 /pause",
        "65535        831     830  0 14:02 ?        00:00:00 /pause",
        "65535        835     834  0 14:02 ?        00:00:00 /pause",
        "65535        838     837  0 14:02 ?        00:00:00 /pause",
      ),
    );
    expect((await run(node, "ps -ef | grep -E ':.. (/coredns|/usr/local/bin/kube-proxy) '")).out).toBe(
      lines(
        "root         842     840  0 14:02 ?        00:00:29 /coredns -conf /etc/coredns/Corefile",
        "root         845     843  0 14:02 ?        00:00:29 /coredns -conf /etc/coredns/Corefile",
        "root         867     865  0 14:02 ?        00:00:22 /usr/local/bin/kube-proxy --conntrack-max-per-core=0 --metrics-bind-address=0.0.0.0:10249 --detect-local-mode=InterfaceNamePrefix --pod-interface-name-prefix=azv --v=3",
      ),
    );
  });

  it("shows the Ubuntu daemons that start before containerd, as the users they run as", async () => {
    const node = freshNode();
    // Names wider than the UID column print cut with `+` (systemd-network, messagebus).
    expect((await run(node, "ps -ef | head -19")).out).toBe(
      lines(
        "UID          PID    PPID  C STIME TTY          TIME CMD",
        "root           1       0  0 14:02 ?        00:00:02 /sbin/init",
        "root         168       1  0 14:02 ?        00:00:06 /lib/systemd/systemd-journald",
        "root         207       1  0 14:02 ?        00:00:02 /sbin/multipathd -d -s",
        "root         219       1  0 14:02 ?        00:00:01 /lib/systemd/systemd-udevd",
        "systemd+     402       1  0 14:02 ?        00:00:02 /lib/systemd/systemd-networkd",
        "systemd+     404       1  0 14:02 ?        00:00:01 /lib/systemd/systemd-resolved",
        "root         551       1  0 14:02 ?        00:00:00 /usr/sbin/cron -f -P",
        "message+     552       1  0 14:02 ?        00:00:00 @dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only",
        "root         555       1  0 14:02 ?        00:00:00 /usr/sbin/irqbalance --foreground",
        "root         556       1  0 14:02 ?        00:00:00 /usr/bin/python3 /usr/bin/networkd-dispatcher --run-startup-triggers",
        "root         558       1  0 14:02 ?        00:00:00 /usr/libexec/polkitd --no-debug",
        "syslog       559       1  0 14:02 ?        00:00:00 /usr/sbin/rsyslogd -n -iNONE",
        "root         562       1  0 14:02 ?        00:00:00 /lib/systemd/systemd-logind",
        "_chrony      583       1  0 14:02 ?        00:00:00 /usr/sbin/chronyd -F 1",
        "_chrony      584     583  0 14:02 ?        00:00:00 /usr/sbin/chronyd -F 1",
        "root         688       1  0 14:02 ?        00:00:00 sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups",
        "root         701       1  0 14:02 ?        00:00:02 /usr/bin/python3 -u /usr/sbin/waagent -daemon",
        "root         702     701  0 14:02 ?        00:00:14 /usr/bin/python3 -u bin/WALinuxAgent-2.14.0.1-py3.12.egg -run-exthandlers",
      ),
    );
    // /proc/PID/comm and -o comm name the executable, not the title sshd gave itself.
    expect((await run(node, "ps -p 552,556,688,701 -o pid,user,comm")).out).toBe(
      lines(
        "    PID USER     COMMAND",
        "    552 message+ dbus-daemon",
        "    556 root     networkd-dispat",
        "    688 root     sshd",
        "    701 root     python3",
      ),
    );
  });

  it("loses the kubelet when systemd stops it", async () => {
    const node = freshNode();
    expect((await run(node, "ps -C kubelet -o pid=")).out).toBe("    824\n");
    await run(node, "systemctl stop kubelet");
    expect((await run(node, "ps -ef | grep -c /usr/local/bin/kubelet")).out).toBe("0\n");
    expect(await run(node, "ps -C kubelet")).toEqual({ out: "    PID TTY          TIME CMD\n", err: "", code: 1 });
  });

  it("answers -p with -o, and rejects what procps rejects", async () => {
    const node = freshNode();
    expect((await run(node, "ps -p 1,824,826 -o pid,ppid,user,stat,etime,comm")).out).toBe(
      lines(
        "    PID    PPID USER     STAT     ELAPSED COMMAND",
        "      1       0 root     Ss      02:03:49 systemd",
        "    824       1 root     Ssl     02:03:07 kubelet",
        "    826     825 65535    Ss      02:03:07 pause",
      ),
    );
    expect((await run(node, "ps -o pid,cgroup -p 824")).out).toBe(
      lines("    PID CGROUP", "    824 0::/system.slice/kubelet.service"),
    );
    const usage =
      "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";
    expect(await run(node, "ps -Z")).toEqual({ out: "", err: `error: unsupported SysV option\n${usage}`, code: 1 });
    expect(await run(node, "ps -o foo")).toEqual({
      out: "",
      err: `error: unknown user-defined format specifier "foo"\n${usage}`,
      code: 1,
    });
    expect(await run(node, "ps -p x")).toEqual({
      out: "",
      err: `error: process ID list syntax error\n${usage}`,
      code: 1,
    });
  });
});
