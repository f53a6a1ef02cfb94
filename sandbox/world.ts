/**
 * The composition root: one node and the control plane's view of it, wired the way
 * Kubernetes wires them (DESIGN.md). Scenarios build on it; commands read and drive it.
 */

import { ipMasqAgent } from "./agents/ip-masq-agent";
import { NodeProblemDetector } from "./agents/node-problem-detector";
import { SimClock } from "./clock";
import { ConditionTaints } from "./cluster/condition-taints";
import { ControlPlane } from "./cluster/control-plane";
import { EventRecorder } from "./cluster/events";
import { NodeLifecycleController } from "./cluster/node-lifecycle";
import { ObjectStore } from "./cluster/store";
import { AzureVnetCni } from "./cni/azure-vnet";
import { CoreDns } from "./dns/coredns";
import { DnsClient } from "./dns/resolver";
import { azureDns, type NodeNaming } from "./dns/upstream";
import type { EditorRequest } from "./editor/editor";
import type { EtcBaseline } from "./history/etc-baseline";
import { Kubelet } from "./kubelet/kubelet";
import { deviceFile } from "./node/devices";
import { DiskModel } from "./node/disks";
import { NodeFs } from "./node/fs";
import { Journal } from "./node/journal";
import { kmsgDevice } from "./node/kmsg";
import { type MemInfo, memInfo, residentK } from "./node/memory";
import { MountTable } from "./node/mounts";
import { Conntrack } from "./node/net/conntrack";
import { Netfilter } from "./node/net/iptables";
import { IptablesClient } from "./node/net/iptables-client";
import { iptablesProgram } from "./node/net/iptables-programs";
import { Listeners, listening, textResponse } from "./node/net/listeners";
import { NetworkStack } from "./node/net/stack";
import { registerOsDaemons } from "./node/os/daemons";
import { registerMaintenanceScripts } from "./node/os/maintenance";
import { ProcessTable } from "./node/processes";
import { Sysctl } from "./node/sysctl";
import { Systemd } from "./node/systemd/manager";
import { ProgramRegistry } from "./node/systemd/programs";
import { PacketPath } from "./packet-path";
import { mountCgroupfs, mountProcfs } from "./procfs";
import { procNetFiles } from "./procfs-net";
import { KubeProxy } from "./proxy/kube-proxy";
import { Containerd } from "./runtime/containerd";
import { podMounts, runtimeDiskBytes } from "./runtime/mounts";
import {
  AZURE_DNS,
  DNS_SUFFIX,
  ETH0,
  HOSTNAME,
  KERNEL,
  KERNEL_BUILD,
  MACHINE,
  NODE_IP,
} from "./scenarios/node/identity";
import { kubeletSh } from "./scenarios/node/kubelet-sh";
import { IdSource } from "./util/ids";

export interface WorldOptions {
  start: number;
  seed: number;
}

/** Node-subnet IPs Azure pre-allocates to this node for pods (max-pods 30). */
function podIpPool(): string[] {
  const last = Number(NODE_IP.split(".")[3]);
  return Array.from({ length: 30 }, (_, i) => `10.224.0.${last + 1 + i}`);
}

/**
 * containerd's TCP servers (config.toml `[metrics] address = "0.0.0.0:10257"`; the CRI
 * streaming server on 127.0.0.1 and a kernel-chosen port, stream_server_port "0").
 */
function containerdSockets(now: () => number) {
  const date = () => new Date(now()).toUTCString();
  const metrics =
    "# HELP process_open_fds Number of open file descriptors.\n# TYPE process_open_fds gauge\nprocess_open_fds 112\n";
  return [
    {
      host: "127.0.0.1",
      port: 35275,
      tls: false,
      owner: "containerd",
      fd: 11,
      handle: () => textResponse(404, "404 page not found\n", date()),
    },
    {
      host: "0.0.0.0",
      port: 10257,
      tls: false,
      owner: "containerd",
      fd: 12,
      handle: (req: { path: string }) =>
        req.path === "/v1/metrics"
          ? textResponse(200, metrics, date())
          : textResponse(404, "404 page not found\n", date()),
    },
  ];
}

/**
 * The fault a scenario put on the node, for questions graded against it ("What was broken?").
 * Set by `random-fault`, which picks one per seed; the learner cannot see or change it.
 */
export interface InjectedFault {
  /** The fault scenario it reproduces, e.g. `kubelet-bad-flag`. */
  scenario: string;
  /** What was broken: a unit or a file, as an engineer names it (`kubelet.service`, `/etc/default/kubelet`). */
  culprit: string;
  /** Other spellings of the same culprit that an answer may use (`kubelet`). */
  aliases: readonly string[];
}

export class World {
  /** The seed the sandbox was created with (the page's attempt number); `ids` counts from it. */
  readonly seed: number;
  /** The fault this node was booted with, if its scenario records one. */
  fault?: InjectedFault;
  readonly clock: SimClock;
  readonly ids: IdSource;
  readonly fs: NodeFs;
  readonly journal: Journal;
  readonly procs: ProcessTable;
  readonly listeners = new Listeners([NODE_IP]);
  /** The kernel's network namespaces: the host's and each pod's (node/net/stack.ts). */
  readonly net: NetworkStack;
  readonly disks: DiskModel;
  readonly mounts = new MountTable();
  readonly programs = new ProgramRegistry();
  /** The host's iptables tables (nf_tables through iptables-nft). */
  readonly netfilter = new Netfilter();
  /** nf_conntrack: the flows the packet path made, timing out on the simulated clock. */
  readonly conntrack: Conntrack;
  /** The kernel's tunables (/proc/sys, sysctl): forwarding, somaxconn, ... */
  readonly sysctl: Sysctl;
  readonly systemd: Systemd;
  readonly cni: AzureVnetCni;
  readonly containerd: Containerd;
  readonly store = new ObjectStore();
  readonly events: EventRecorder;
  readonly nodeLifecycle: NodeLifecycleController;
  /** The API server's write path, the controllers and the scheduler (cluster/control-plane.ts). */
  readonly controlPlane: ControlPlane;
  readonly kubelet: Kubelet;
  /** kube-proxy, the program inside the kube-proxy DaemonSet's container. */
  readonly kubeProxy: KubeProxy;
  /** Where the node's outgoing connections go, through the iptables rules (curl). */
  readonly packets: PacketPath;
  /** What dig and nslookup ask through: the servers they reach (CoreDNS, resolved's stub, Azure DNS). */
  readonly dns: DnsClient;
  readonly npd: NodeProblemDetector;
  readonly hostname = HOSTNAME;
  readonly bootTime: number;
  /** When the learner's login shell started: createSandbox sets it once the scenario has booted. */
  sessionStart: number;
  /** Set while a page shows an editor pane: `vi FILE` hands it the file to open. */
  openEditor?: (request: EditorRequest) => void;
  /** /etc at the end of boot, until git first runs and writes etckeeper's repository from it. */
  pendingEtcRepo?: EtcBaseline;
  /** When the running command line started (createSandbox sets it): `sleep` caps a line's simulated time. */
  lineStartedAt: number;
  /** The namespace the shell runs its current command in (createSandbox wires it): /proc/self/net. */
  shellNetns?: () => string | undefined;

  constructor(options: WorldOptions) {
    this.seed = options.seed;
    this.bootTime = options.start;
    this.sessionStart = options.start;
    this.lineStartedAt = options.start;
    this.clock = new SimClock(options.start);
    const now = () => this.clock.now();
    this.ids = new IdSource(options.seed);

    this.fs = new NodeFs(now);
    this.journal = new Journal(now);
    this.procs = new ProcessTable(812, now);
    this.systemd = new Systemd(this.fs, this.clock, this.journal, this.procs, this.programs);
    this.net = new NetworkStack(now, ETH0);
    this.cni = new AzureVnetCni(this.fs, this.net, podIpPool(), { ...ETH0, hostMac: ETH0.mac }, now);
    this.containerd = new Containerd(this.fs, this.clock, this.procs, this.ids, this.cni, this.journal, this.net);
    this.events = new EventRecorder(this.store, this.clock);
    this.nodeLifecycle = new NodeLifecycleController(this.store, this.clock, this.events);
    this.controlPlane = new ControlPlane(this.store, this.clock, this.ids, this.events);
    const iptables = new IptablesClient(this.netfilter, now);
    this.kubelet = new Kubelet({
      iptables,
      fs: this.fs,
      clock: this.clock,
      store: this.store,
      events: this.events,
      containerd: this.containerd,
      hostname: HOSTNAME,
      machine: MACHINE,
      listeners: this.listeners,
      procs: this.procs,
      stats: () => {
        const root = this.disks.root();
        const mem = this.memory();
        return {
          nodefs: {
            capacityBytes: root.sizeK * 1024,
            availableBytes: root.availK * 1024,
            inodes: root.inodes,
            inodesFree: root.ifree,
          },
          memory: { capacityBytes: mem.totalK * 1024, availableBytes: mem.availableK * 1024 },
        };
      },
    });
    this.disks = new DiskModel({
      fs: this.fs,
      runtimeBytes: () => runtimeDiskBytes(this.containerd),
      memTotalK: MACHINE.memoryKi,
    });
    // Projected volumes are sized to the node's allocatable memory (pods here set no limit that lowers it).
    const allocatableMemK = MACHINE.memoryKi - (650 + 100) * 1024;
    new ConditionTaints(this.store).start();
    this.mounts.add(() => this.disks.hostMounts());
    this.mounts.add(() => podMounts(this.containerd, this.fs, () => this.disks.root(), allocatableMemK));
    this.mounts.add(() => this.disks.sessionMounts());
    mountProcfs(this, procNetFiles(this));
    this.sysctl = new Sysctl(() => (this.net.namespace()?.links ?? []).map((l) => l.name).sort(), {
      "kernel/hostname": () => this.hostname,
      "kernel/osrelease": () => KERNEL,
      "kernel/version": () => KERNEL_BUILD,
      "kernel/random/boot_id": () => MACHINE.bootID,
      "net/netfilter/nf_conntrack_count": () => String(this.conntrack.list().length),
    });
    this.fs.mountGenerated("/proc/sys", this.sysctl.tree());
    this.fs.mountDevice("/dev/kmsg", kmsgDevice(this.journal));
    this.fs.mountGenerated("/dev/zero", deviceFile("zero", now));
    this.fs.mountGenerated("/dev/random", deviceFile("random", now));
    this.fs.mountGenerated("/dev/urandom", deviceFile("random", now));
    // kubepods.slice is capped at capacity - kube-reserved (--kube-reserved=cpu=100m,memory=650Mi).
    mountCgroupfs(this, MACHINE.memoryKi, 650 * 1024, MACHINE.cpuCores * 1000 - 100);
    this.npd = new NodeProblemDetector({
      clock: this.clock,
      store: this.store,
      events: this.events,
      systemd: this.systemd,
      journal: this.journal,
      hostname: HOSTNAME,
    });
    this.programs.register(
      "/usr/bin/containerd",
      listening(
        this.containerd.program,
        this.listeners,
        containerdSockets(() => this.clock.now()),
      ),
    );
    this.programs.register("/usr/local/bin/kubelet", this.kubelet.program);
    this.programs.register("/usr/local/bin/node-problem-detector", this.npd.program);
    for (const bin of ["/sbin/iptables", "/usr/sbin/iptables"])
      this.programs.register(bin, iptablesProgram(this.netfilter));
    this.programs.register("/opt/azure/containers/kubelet.sh", kubeletSh(this.netfilter));
    this.conntrack = new Conntrack(() => this.clock.now());
    this.packets = new PacketPath(this, options.seed);
    const naming: NodeNaming = { hostname: HOSTNAME, nodeIp: NODE_IP, gateway: ETH0.gateway, dnsSuffix: DNS_SUFFIX };
    const coredns = new CoreDns(this.store, now, (q) => azureDns(naming, q));
    this.dns = new DnsClient({
      packets: this.packets,
      store: this.store,
      clock: this.clock,
      coredns,
      naming,
      seed: options.seed,
    });
    this.kubeProxy = new KubeProxy({
      clock: this.clock,
      store: this.store,
      iptables,
      listeners: this.listeners,
      nodeIP: NODE_IP,
    });
    this.containerd.programs.set("mcr.microsoft.com/oss/kubernetes/kube-proxy", this.kubeProxy.program);
    this.containerd.programs.set(
      "mcr.microsoft.com/oss/v2/kubernetes/ip-masq-agent",
      ipMasqAgent(this.clock, iptables),
    );
    registerOsDaemons(this.programs, {
      clock: this.clock,
      journal: this.journal,
      listeners: this.listeners,
      fs: this.fs,
      host: {
        hostname: HOSTNAME,
        machineId: MACHINE.machineID,
        nodeIp: NODE_IP,
        gateway: ETH0.gateway,
        dns: AZURE_DNS,
        dnsSuffix: DNS_SUFFIX,
      },
    });
    registerMaintenanceScripts(this.programs, now);
  }

  /** /proc/meminfo now: the processes' resident memory, the kernel's, the page cache. */
  memory(): MemInfo {
    // The eviction manager asks every 10 s and /proc on every read; the answer changes only
    // when a process starts or exits or a file is written.
    const key = `${this.procs.generation}:${this.fs.generation}`;
    if (this.memoryCache?.key !== key) this.memoryCache = { key, info: this.computeMemory() };
    return this.memoryCache.info;
  }

  private memoryCache?: { key: string; info: MemInfo };

  private computeMemory(): MemInfo {
    const units = new Map(
      this.systemd
        .loadedUnits()
        .filter((u) => u.mainPid !== undefined)
        .map((u) => [u.mainPid as number, u.program?.memoryBytes]),
    );
    // systemd itself and the learner's session (sshd, bash) are not in the process table.
    let anonK = 12_936 + 5_236 + 7_480;
    for (const p of this.procs.all()) anonK += residentK(p, units.get(p.pid));
    return memInfo(MACHINE.memoryKi, anonK, this.fs.usage("/var/log").bytes);
  }
}
