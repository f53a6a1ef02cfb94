import { describe, expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("ls", () => {
  it("prints the long format from the node's modes, sizes and mtimes", async () => {
    const node = freshNode();
    expect(await run(node, "ls -l /etc/default")).toEqual({
      out: lines(
        "total 8",
        "-rw-r--r-- 1 root root   48 Oct 30 14:02 chrony",
        "-rw------- 1 root root 1949 Oct 30 14:02 kubelet",
      ),
      err: "",
      code: 0,
    });
    expect((await run(node, "ls -la /etc/kubernetes")).out).toBe(
      lines(
        "total 20",
        "drwxr-xr-x 5 root root 4096 Oct 30 14:02 .",
        "drwxr-xr-x 8 root root 4096 Oct 30 14:02 ..",
        "drwxr-xr-x 2 root root 4096 Oct 30 14:02 certs",
        "drwxr-xr-x 2 root root 4096 Oct 30 14:02 manifests",
        "drwxr-xr-x 2 root root 4096 Oct 30 14:02 volumeplugins",
      ),
    );
    expect((await run(node, "ls -ld /etc/cni/net.d; ls -l /etc/cni/net.d")).out).toBe(
      lines(
        "drwxr-xr-x 2 root root 4096 Oct 30 14:02 /etc/cni/net.d",
        "total 4",
        "-rw------- 1 root root 394 Oct 30 14:02 10-azure.conflist",
      ),
    );
  });

  it("shows symlinks with their targets, and sockets as sockets", async () => {
    const node = freshNode();
    expect((await run(node, "ls -l /var/log/containers | head -3")).out).toBe(
      lines(
        "total 92",
        "lrwxrwxrwx 1 root root 103 Oct 30 14:02 ama-logs-nmmdg_kube-system_addon-token-adapter-0993e9858c13aa0a9e526aec17e634fa2b07c11ec7a090211bd317b15cd6f0e9.log -> /var/log/pods/kube-system_ama-logs-nmmdg_1bbd5209-c556-49f6-89a7-e31acff9832b/addon-token-adapter/0.log",
        "lrwxrwxrwx 1 root root  92 Oct 30 14:02 ama-logs-nmmdg_kube-system_ama-logs-d06baa856c88dcb9f98f9f52eb800e64121e6ab889ecc1635bf23e06ea30ebf2.log -> /var/log/pods/kube-system_ama-logs-nmmdg_1bbd5209-c556-49f6-89a7-e31acff9832b/ama-logs/0.log",
      ),
    );
    // A link on the command line is listed as itself with -l, followed without it.
    expect((await run(node, "ls -l /var/run; ls /var/run")).out).toBe(
      lines(
        "lrwxrwxrwx 1 root root 4 Oct 30 14:02 /var/run -> /run",
        "azure-vnet-ipam.json  azure-vnet.json  containerd  netns  systemd",
      ),
    );
    expect((await run(node, "ls -l /run/containerd; ls -F /run/containerd /etc/cni")).out).toBe(
      lines(
        "total 0",
        "srw-rw---- 1 root root 0 Oct 30 14:02 containerd.sock",
        "srw-rw---- 1 root root 0 Oct 30 14:02 containerd.sock.ttrpc",
        "/etc/cni:",
        "net.d/",
        "",
        "/run/containerd:",
        "containerd.sock=  containerd.sock.ttrpc=",
      ),
    );
  });

  it("prints names in columns for an 80-column terminal, tabs and all, as GNU ls does", async () => {
    const node = freshNode();
    expect((await run(node, "ls /opt/cni/bin")).out).toBe(
      "azure-vnet  azure-vnet-ipam  bridge  host-local  loopback  portmap\n",
    );
    const plugins =
      "azure-vnet azure-vnet-ipam bridge dhcp firewall host-device host-local ipvlan loopback macvlan portmap ptp sbr static tuning vlan vrf azure-vnet-telemetry azure-vnet-telemetry.config";
    // Recorded from GNU ls -C -w 80 on the same names.
    expect((await run(node, `mkdir /tmp/bin && cd /tmp/bin && touch ${plugins} && ls`)).out).toBe(
      lines(
        "azure-vnet\t\t     bridge\t  host-local  portmap  tuning",
        "azure-vnet-ipam\t\t     dhcp\t  ipvlan      ptp      vlan",
        "azure-vnet-telemetry\t     firewall\t  loopback    sbr      vrf",
        "azure-vnet-telemetry.config  host-device  macvlan     static",
      ),
    );
    expect((await run(node, "ls -1 /etc/kubernetes")).out).toBe(lines("certs", "manifests", "volumeplugins"));
  });

  it("lists files first, then each directory under a header; -R walks down", async () => {
    const node = freshNode();
    expect((await run(node, "ls -lh /etc/default /etc/cni/net.d /etc/crictl.yaml")).out).toBe(
      lines(
        "-rw-r--r-- 1 root root 57 Oct 30 14:02 /etc/crictl.yaml",
        "",
        "/etc/cni/net.d:",
        "total 4.0K",
        "-rw------- 1 root root 394 Oct 30 14:02 10-azure.conflist",
        "",
        "/etc/default:",
        "total 8.0K",
        "-rw-r--r-- 1 root root   48 Oct 30 14:02 chrony",
        "-rw------- 1 root root 2.0K Oct 30 14:02 kubelet",
      ),
    );
    expect((await run(node, "ls -R /etc/systemd/system")).out).toBe(
      lines(
        "/etc/systemd/system:",
        "aks-log-collector.service  kubelet.service.d\t\t  snapshot-update.timer",
        "aks-log-collector.slice    logrotate.timer.d\t\t  sysinit.target.wants",
        "aks-log-collector.timer    multi-user.target.wants\t  timers.target.wants",
        "containerd.service.d\t   node-problem-detector.service",
        "kubelet.service\t\t   snapshot-update.service",
        "",
        "/etc/systemd/system/containerd.service.d:",
        "exec_start.conf",
        "",
        "/etc/systemd/system/kubelet.service.d:",
        "10-cgroupv2.conf\t      10-tlsbootstrap.conf",
        "10-containerd-base-flag.conf  10-watchdog.conf",
        "",
        "/etc/systemd/system/logrotate.timer.d:",
        "override.conf",
        "",
        "/etc/systemd/system/multi-user.target.wants:",
        "chrony.service\t    networkd-dispatcher.service    systemd-networkd.service",
        "containerd.service  node-problem-detector.service  systemd-resolved.service",
        "cron.service\t    rsyslog.service\t\t   walinuxagent.service",
        "irqbalance.service  snapshot-update.timer",
        "kubelet.service     ssh.service",
        "",
        "/etc/systemd/system/sysinit.target.wants:",
        "multipathd.service",
        "",
        "/etc/systemd/system/timers.target.wants:",
        "aks-log-collector.timer  e2scrub_all.timer  logrotate.timer",
        "dpkg-db-backup.timer\t fstrim.timer\t    man-db.timer",
      ),
    );
  });

  it("sorts by size or time with -S and -t, reversed with -r", async () => {
    const node = freshNode();
    await run(node, "mkdir /tmp/s && cd /tmp/s && echo 12345 > b && sleep 60 && echo 1 > a && echo 123 > c");
    expect((await run(node, "cd /tmp/s && ls -S && ls -t && ls -tr && ls -lhS")).out).toBe(
      lines(
        "b  c  a",
        "a  c  b",
        "b  c  a",
        "total 12K",
        "-rw-r--r-- 1 root root 6 Oct 30 16:06 b",
        "-rw-r--r-- 1 root root 4 Oct 30 16:07 c",
        "-rw-r--r-- 1 root root 2 Oct 30 16:07 a",
      ),
    );
  });

  it("stamps touched files with the node's clock", async () => {
    const node = freshNode();
    expect((await run(node, "sleep 120; touch /tmp/x; ls -l /tmp/x")).out).toBe(
      "-rw-r--r-- 1 root root 0 Oct 30 16:08 /tmp/x\n",
    );
    expect((await run(node, "touch -d 2024-01-02 /tmp/old; ls -l /tmp/old")).out).toBe(
      "-rw-r--r-- 1 root root 0 Jan  2  2024 /tmp/old\n",
    );
  });

  it("fails as GNU ls does", async () => {
    const node = freshNode();
    expect(await run(node, "ls nosuch")).toEqual({
      out: "",
      err: "ls: cannot access 'nosuch': No such file or directory\n",
      code: 2,
    });
    expect(await run(node, "ls -d /etc nosuch")).toEqual({
      out: "/etc\n",
      err: "ls: cannot access 'nosuch': No such file or directory\n",
      code: 2,
    });
    expect(await run(node, "ls -z")).toEqual({
      out: "",
      err: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n",
      code: 2,
    });
  });
});
