import { describe, expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("ps", () => {
  it("lists this terminal's processes by default", async () => {
    const node = freshNode();
    expect(await run(node, "ps")).toEqual({
      out: lines("    PID TTY          TIME CMD", "   4121 pts/0    00:00:00 bash", "   4998 pts/0    00:00:00 ps"),
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
      "root         813       1  1 14:02 ?        00:01:29 /usr/bin/containerd",
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
