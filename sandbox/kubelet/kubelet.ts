/**
 * The kubelet: the node agent systemd runs from /usr/local/bin/kubelet. On start it checks
 * the CRI endpoint (and exits like the real one when containerd is not there), registers the
 * node, then keeps three loops on the simulated clock: the node Lease every 10 s (the
 * heartbeat the control plane watches), node status every --node-status-update-frequency,
 * and the pod sync loop that turns pods bound here into sandboxes and containers via CRI.
 * When systemd stops it the loops stop; the containers it started keep running.
 */
import type { SimClock } from "../clock";
import type { EventRecorder } from "../cluster/events";
import type { ObjectStore } from "../cluster/store";
import type { Lease, Node, Pod } from "../cluster/types";
import type { NodeFs } from "../node/fs";
import type { IptablesClient } from "../node/net/iptables-client";
import type { Listeners } from "../node/net/listeners";
import type { ProcessTable } from "../node/processes";
import type { Program, ProgramContext } from "../node/systemd/programs";
import type { Containerd } from "../runtime/containerd";
import { CriDialError } from "../runtime/cri";
import { rfc3339 } from "../util/time-format";
import { EvictionManager, MONITORING_INTERVAL_MS, type NodeStats } from "./eviction";
import { FlagError, type KubeletFlags, parseKubeletFlags } from "./flags";
import { goQuote, type KV, klogLine, klogPrintf, type Severity } from "./klog";
import { initNetworkUtil } from "./network";
import {
  capacityAndAllocatable,
  KUBELET_VERSION,
  type MachineInfo,
  nodeStatusChanged,
  type RuntimeHealth,
  runtimeErrors,
  setConditions,
} from "./node-status";
import { Pleg } from "./pleg";
import { PodWorkers } from "./pod-workers";
import { serveKubelet, servingFromFlags } from "./server";

export const LEASE_DURATION_S = 40;
/** The Lease is renewed at a quarter of its duration (pkg/kubelet/nodelease). */
export const LEASE_RENEW_MS = 10_000;
/**
 * How often an unchanged node status is still posted (nodeStatusReportFrequency). Its default
 * is 5m (pkg/kubelet/apis/config/v1beta1/defaults.go); the kubelet has no flag for it, and
 * AKS's `--node-status-update-frequency=10s` flag is applied after the defaults, so it stays 5m.
 * The status is computed every 10 s and posted at once when it changed
 * (kubelet_node_status.go tryUpdateNodeStatus: `changed || Since(lastStatusReportTime) >=
 * nodeStatusReportFrequency`); a quiet node's conditions show a lastHeartbeatTime up to 5 min old.
 */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;
/** Housekeeping resync of every pod (the kubelet's --sync-frequency is 1m; 10 s keeps repairs prompt). */
const RESYNC_PERIOD_MS = 10_000;
/** syncLoop's back-off while the runtime has errors: 100 ms doubling, capped at 5 s (kubelet.go). */
const SKIP_SYNC_BASE_MS = 100;
const SKIP_SYNC_MAX_MS = 5_000;

export interface KubeletDeps {
  fs: NodeFs;
  clock: SimClock;
  store: ObjectStore;
  events: EventRecorder;
  containerd: Containerd;
  hostname: string;
  machine: MachineInfo;
  /** The node's TCP ports: the kubelet serves healthz (10248) and its API (10250) while it runs. */
  listeners?: Listeners;
  /** cadvisor's view of the node (root filesystem, memory) and its processes: the eviction manager's inputs. */
  stats?: () => NodeStats;
  procs?: ProcessTable;
  /** The host's iptables: the kubelet keeps its hint chain, KUBE-FIREWALL and a canary there. */
  iptables?: IptablesClient;
}

export class Kubelet {
  /** Set while a kubelet process runs; the grader and the page read it. */
  flags?: KubeletFlags;
  private eviction?: EvictionManager;
  private pleg?: Pleg;
  /** When this kubelet process last posted the node's status (none yet: the first sync posts). */
  private lastStatusReport?: number;
  /** What the last status computed was made from (the node's resourceVersion, runtime health, pressure). */
  private lastStatusInputs?: string;

  constructor(private readonly deps: KubeletDeps) {}

  readonly program: Program = (ctx) => this.run(ctx);

  private run(ctx: ProgramContext): ReturnType<Program> {
    const { clock, containerd, hostname } = this.deps;
    // klog stamps each line when written: successive lines a few dozen microseconds apart.
    let lastUsec = 0;
    const stamp = () => (lastUsec = Math.max(clock.now() * 1000 + 113, lastUsec + 17 + ((lastUsec * 7) % 61)));
    const log = (sev: Severity, source: string, msg: string, kv?: KV) =>
      ctx.log(klogLine(sev, stamp(), ctx.pid, source, msg, kv), sev === "E" ? 3 : sev === "W" ? 4 : 6);

    let flags: KubeletFlags;
    try {
      flags = parseKubeletFlags(ctx.argv);
    } catch (e) {
      if (!(e instanceof FlagError)) throw e;
      log("E", "run.go:72", "command failed", { err: e.message });
      return 1;
    }
    for (const [name, value] of [...flags.raw].sort(([a], [b]) => a.localeCompare(b))) {
      ctx.log(klogPrintf("I", stamp(), ctx.pid, "flags.go:64", `FLAG: --${name}=${goQuote(value)}`));
    }
    log("I", "server.go:493", "Kubelet version", { kubeletVersion: KUBELET_VERSION });
    log("I", "server.go:495", "Golang settings", { GOGC: "", GOMAXPROCS: "", GOTRACEBACK: "" });
    log("I", "server.go:954", "Client rotation is on, will bootstrap in background");
    try {
      containerd.dial(flags.runtimeEndpoint);
    } catch (e) {
      if (!(e instanceof CriDialError)) throw e;
      log("E", "run.go:72", "command failed", {
        err: `failed to run Kubelet: validate service connection: ${e.message}`,
      });
      return 1;
    }
    log("I", "server.go:1442", "Using cgroup driver setting received from the CRI runtime", {
      cgroupDriver: "systemd",
    });
    log("I", "kuberuntime_manager.go:262", "Container runtime initialized", {
      containerRuntime: "containerd",
      version: "1.7.28-1",
      apiVersion: "v1",
    });
    log("I", "kubelet.go:303", "Adding static pod path", { path: "/etc/kubernetes/manifests" });
    log("I", "server.go:1287", "Started kubelet");
    const closeServers = this.deps.listeners
      ? serveKubelet(
          this.deps.listeners,
          () => clock.now(),
          servingFromFlags(flags.raw, () =>
            this.deps.store.list<Pod>("pods").filter((p) => p.spec.nodeName === hostname),
          ),
        )
      : () => {};
    this.flags = flags;
    this.lastStatusReport = undefined;
    this.lastStatusInputs = undefined;
    const stopNetworkUtil = this.deps.iptables
      ? initNetworkUtil(this.deps.iptables, clock, (protocol) =>
          log("I", "kubelet_network_linux.go:50", "Initialized iptables rules.", { protocol }),
        )
      : () => {};

    const pods = new PodWorkers({
      ...this.deps,
      log,
      nodeName: hostname,
      runtimeEndpoint: flags.runtimeEndpoint,
      clusterDns: flags.raw.get("cluster-dns")?.split(",")[0],
      resolvConf: flags.raw.get("resolv-conf"),
      memoryCapacityBytes: this.deps.machine.memoryKi * 1024,
      networkReady: () => this.networkReady,
    });
    const stopPodWorkers = pods.start();
    // syncLoop (kubelet.go): while the runtime state has errors no pod is synced; each pass
    // says why and sleeps 100 ms, doubling to a 5 s cap, before it looks again.
    let skipTimer: number | undefined;
    const skipSync = (delayMs = SKIP_SYNC_BASE_MS) => {
      skipTimer = undefined;
      const err = runtimeErrors(this.runtimeHealth(flags.runtimeEndpoint));
      if (!err) return;
      log("E", "kubelet.go:2373", "Skipping pod synchronization", { err });
      skipTimer = clock.setTimeout(() => skipSync(Math.min(delayMs * 2, SKIP_SYNC_MAX_MS)), delayMs);
    };
    this.pleg = new Pleg(
      clock,
      () => {
        try {
          containerd.dial(flags.runtimeEndpoint);
          return true;
        } catch (e) {
          if (e instanceof CriDialError) return false;
          throw e;
        }
      },
      () => {
        if (skipTimer === undefined) skipSync();
      },
    );
    const stopPleg = this.pleg.start(363);
    this.registerNode(flags, log);
    const { stats, procs, store, events } = this.deps;
    this.eviction =
      stats && procs
        ? new EvictionManager({
            clock,
            store,
            events,
            containerd,
            procs,
            stats,
            log,
            nodeName: hostname,
            evictionHard: flags.evictionHard,
          })
        : undefined;
    const eviction = this.eviction;
    log("I", "kubelet.go:2361", "Starting kubelet main sync loop");
    this.renewLease();
    this.updateNodeStatus(flags, log);
    pods.syncAll();

    // Pod work is driven by watch events on pods bound here (the kubelet's config source),
    // plus a periodic resync, as the real sync loop does; not by polling every second.
    let pending: number | undefined;
    const requestSync = () => {
      pending ??= clock.setTimeout(() => {
        pending = undefined;
        pods.syncAll();
      }, 0);
    };
    const unwatch = this.deps.store.watch((e) => {
      if (e.resource === "pods" && (e.object as Pod).spec.nodeName === hostname) requestSync();
    });
    const timers = [
      clock.setInterval(() => this.renewLease(), LEASE_RENEW_MS),
      clock.setInterval(() => this.updateNodeStatus(flags, log), flags.statusUpdateFrequencyMs),
      clock.setInterval(() => pods.syncAll(), RESYNC_PERIOD_MS),
      clock.setInterval(() => eviction?.synchronize(), MONITORING_INTERVAL_MS),
    ];
    return {
      tasks: 14,
      memoryBytes: 71_800_000,
      cpuShare: 0.021,
      stop: () => {
        stopPodWorkers();
        stopPleg();
        clock.clearTimer(skipTimer);
        this.pleg = undefined;
        unwatch();
        clock.clearTimer(pending);
        for (const t of timers) clock.clearTimer(t);
        this.flags = undefined;
        this.eviction = undefined;
        closeServers();
        stopNetworkUtil();
      },
    };
  }

  private registerNode(flags: KubeletFlags, log: (s: Severity, src: string, msg: string, kv?: KV) => void): void {
    const { store, clock, hostname, machine } = this.deps;
    log("I", "kubelet_node_status.go:76", "Attempting to register node", { node: hostname });
    const existing = store.get<Node>("nodes", hostname);
    const { capacity, allocatable } = capacityAndAllocatable(machine, flags);
    if (existing) {
      existing.status.capacity = capacity;
      existing.status.allocatable = allocatable;
      existing.metadata.labels = { ...existing.metadata.labels, ...flags.nodeLabels };
      store.put("nodes", existing);
      log("I", "kubelet_node_status.go:115", "Node was previously registered", { node: hostname });
      return;
    }
    const stamp = rfc3339(clock.now());
    store.put<Node>("nodes", {
      apiVersion: "v1",
      kind: "Node",
      metadata: {
        name: hostname,
        uid: machine.systemUUID,
        creationTimestamp: stamp,
        labels: {
          "beta.kubernetes.io/arch": "amd64",
          "beta.kubernetes.io/instance-type": machine.instanceType,
          "beta.kubernetes.io/os": "linux",
          "failure-domain.beta.kubernetes.io/region": machine.region,
          "failure-domain.beta.kubernetes.io/zone": machine.zone,
          "kubernetes.io/arch": "amd64",
          "kubernetes.io/hostname": hostname,
          "kubernetes.io/os": "linux",
          "node.kubernetes.io/instance-type": machine.instanceType,
          "topology.kubernetes.io/region": machine.region,
          "topology.kubernetes.io/zone": machine.zone,
          ...flags.nodeLabels,
        },
        annotations: {
          "node.alpha.kubernetes.io/ttl": "0",
          "volumes.kubernetes.io/controller-managed-attach-detach": "true",
        },
      },
      spec: { providerID: machine.providerID },
      status: {
        capacity,
        allocatable,
        conditions: [],
        addresses: [
          { type: "InternalIP", address: flags.nodeIp },
          { type: "Hostname", address: hostname },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          machineID: machine.machineID,
          systemUUID: machine.systemUUID,
          bootID: machine.bootID,
          kernelVersion: machine.kernelVersion,
          osImage: machine.osImage,
          containerRuntimeVersion: `containerd://${this.deps.containerd.version}`,
          kubeletVersion: KUBELET_VERSION,
          kubeProxyVersion: "",
          operatingSystem: "linux",
          architecture: "amd64",
        },
      },
    });
    log("I", "kubelet_node_status.go:79", "Successfully registered node", { node: hostname });
    this.deps.events.record(
      { kind: "Node", name: hostname, uid: hostname },
      "Normal",
      "Starting",
      "Starting kubelet.",
      "kubelet",
      hostname,
    );
  }

  private renewLease(): void {
    const { store, clock, hostname } = this.deps;
    const now = new Date(clock.now()).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
    const lease = store.get<Lease>("leases", hostname, "kube-node-lease");
    if (lease) {
      lease.spec.renewTime = now;
      store.put("leases", lease);
      return;
    }
    store.put<Lease>("leases", {
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: {
        name: hostname,
        namespace: "kube-node-lease",
        uid: `lease-${hostname}`,
        creationTimestamp: rfc3339(clock.now()),
        ownerReferences: [{ apiVersion: "v1", kind: "Node", name: hostname, uid: this.deps.machine.systemUUID }],
      },
      spec: { holderIdentity: hostname, leaseDurationSeconds: LEASE_DURATION_S, renewTime: now },
    });
  }

  /**
   * The runtime state's network readiness as of the last runtime status check (runtime.go
   * networkErrors): pods synced in between still try a sandbox and fail in CNI.
   */
  private networkReady = true;

  /** CRI Status through the socket, plus the PLEG's health: what the runtime state is made of. */
  private runtimeHealth(endpoint: string, onDialError?: (e: CriDialError) => void): RuntimeHealth {
    const { containerd } = this.deps;
    let health: RuntimeHealth = { runtimeReady: false, networkReady: false };
    try {
      containerd.dial(endpoint);
      health = containerd.status();
      this.networkReady = health.networkReady;
    } catch (e) {
      if (!(e instanceof CriDialError)) throw e;
      onDialError?.(e);
    }
    return { ...health, plegError: this.pleg?.healthError() };
  }

  private updateNodeStatus(flags: KubeletFlags, log: (s: Severity, src: string, msg: string, kv?: KV) => void): void {
    const { store, clock, hostname, events } = this.deps;
    const node = store.get<Node>("nodes", hostname);
    if (!node) return;
    const health = this.runtimeHealth(flags.runtimeEndpoint, (e) =>
      log("E", "remote_runtime.go:633", "Status from runtime service failed", {
        err: e.message.replace(/^validate CRI v1 runtime API for endpoint "[^"]+": /, ""),
      }),
    );
    const pressure = this.eviction?.conditions();
    const due = this.lastStatusReport === undefined || clock.now() - this.lastStatusReport >= NODE_STATUS_REPORT_MS;
    // Same node object as last time and the same readings: the setters would change nothing but
    // heartbeat times, which are not posted before the report period runs out.
    const readings = `${health.runtimeReady}|${health.networkReady}|${health.plegError ?? ""}|${pressure?.MemoryPressure}|${pressure?.DiskPressure}`;
    if (!due && `${node.metadata.resourceVersion}|${readings}` === this.lastStatusInputs) return;
    const { capacity, allocatable } = capacityAndAllocatable(this.deps.machine, flags);
    // The setters work on a copy of the status (updateNode in kubelet_node_status.go); it is
    // posted only if it differs beyond heartbeat times, or the report period has run out.
    const status: Node["status"] = {
      ...node.status,
      capacity,
      allocatable,
      conditions: node.status.conditions.map((c) => ({ ...c })),
    };
    const { becameReady, becameNotReady, pressureEvents } = setConditions(
      { ...node, status },
      health,
      rfc3339(clock.now()),
      pressure,
    );
    if (due || nodeStatusChanged(node.status, status)) {
      node.status = status;
      store.put("nodes", node);
      this.lastStatusReport = clock.now();
    }
    this.lastStatusInputs = `${node.metadata.resourceVersion}|${readings}`;
    const ref = { kind: "Node", name: hostname, uid: hostname };
    for (const event of pressureEvents) {
      log("I", "kubelet_node_status.go:679", "Recording event message for node", { node: hostname, event });
      events.record(ref, "Normal", event, `Node ${hostname} status is now: ${event}`, "kubelet", hostname);
    }
    if (becameReady) {
      log("I", "kubelet_node_status.go:679", "Recording event message for node", {
        node: hostname,
        event: "NodeReady",
      });
      events.record(ref, "Normal", "NodeReady", `Node ${hostname} status is now: NodeReady`, "kubelet", hostname);
    }
    if (becameNotReady) {
      log("I", "kubelet_node_status.go:679", "Recording event message for node", {
        node: hostname,
        event: "NodeNotReady",
      });
      events.record(ref, "Normal", "NodeNotReady", `Node ${hostname} status is now: NodeNotReady`, "kubelet", hostname);
    }
  }
}
