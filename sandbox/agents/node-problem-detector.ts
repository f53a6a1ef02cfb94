/**
 * node-problem-detector, as the AKS Linux extension runs it: a systemd service
 * (/usr/local/bin/node-problem-detector) that checks the node and writes its own Node
 * conditions through the API, with an event on every change (kubernetes/node-problem-detector
 * pkg/exporters/k8sexporter/condition, util.GenerateConditionChangeEvent).
 *
 * Monitors, after the upstream configs and the AKS docs (learn.microsoft.com/azure/aks/
 * node-problem-detector, whose table gives the problem reasons):
 * - custom plugins every 10 s: KubeletProblem (KubeletIsDown) and ContainerRuntimeProblem
 *   (ContainerRuntimeIsDown) from the units' state, as `systemctl is-active` sees it;
 * - log counters every 5 min after a 5 min delay (upstream config/systemd-monitor-counter.json:
 *   lookback 20m, count 5, patterns `Started (Kubernetes kubelet|kubelet.service|Kubelet).` and
 *   `Starting (containerd container runtime|containerd.service)...`): FrequentKubeletRestart,
 *   FrequentContainerdRestart, with log-counter's "Found N matching logs, which meets the
 *   threshold of 5";
 * - the kernel monitor (kernel-monitor.ts) on every new kernel log record, as its kmsg
 *   watcher reads /dev/kmsg: OOMKilling and the other temporary problems as events,
 *   KernelDeadlock and ReadonlyFilesystem turned True by their permanent rules;
 * - the other conditions (FilesystemCorruptionProblem, VMEventScheduled, ...) held at their
 *   healthy defaults.
 * The healthy reasons and messages are those AKS nodes show; the wording of the two
 * "is down" messages is not published and is *unconfirmed*.
 */
import type { SimClock } from "../clock";
import type { EventRecorder } from "../cluster/events";
import type { ObjectStore } from "../cluster/store";
import type { Node, NodeCondition } from "../cluster/types";
import type { Journal } from "../node/journal";
import type { Systemd } from "../node/systemd/manager";
import type { Program, ProgramContext } from "../node/systemd/programs";
import { klogTime, rfc3339 } from "../util/time-format";
import { conditionChangeMessage, KERNEL_MONITOR_SOURCE, matchKernelLog } from "./kernel-monitor";

interface ConditionSpec {
  type: string;
  okReason: string;
  okMessage: string;
  /** Events name their source after the monitor (the config's "source"). */
  source: string;
}

/** In the order AKS nodes list them (NPD's conditions come before the kubelet's four). */
export const NPD_CONDITIONS: ConditionSpec[] = [
  {
    type: "FrequentContainerdRestart",
    okReason: "NoFrequentContainerdRestart",
    okMessage: "containerd is functioning properly",
    source: "systemd-monitor",
  },
  {
    type: "KernelDeadlock",
    okReason: "KernelHasNoDeadlock",
    okMessage: "kernel has no deadlock",
    source: "kernel-monitor",
  },
  {
    type: "FrequentUnregisterNetDevice",
    okReason: "NoFrequentUnregisterNetDevice",
    okMessage: "node is functioning properly",
    source: "kernel-monitor",
  },
  {
    type: "KubeletProblem",
    okReason: "KubeletIsUp",
    okMessage: "kubelet service is up",
    source: "kubelet-custom-plugin-monitor",
  },
  {
    type: "ContainerRuntimeProblem",
    okReason: "ContainerRuntimeIsUp",
    okMessage: "container runtime service is up",
    source: "container-runtime-custom-plugin-monitor",
  },
  {
    type: "ReadonlyFilesystem",
    okReason: "FilesystemIsNotReadOnly",
    okMessage: "Filesystem is not read-only",
    source: "kernel-monitor",
  },
  {
    type: "FilesystemCorruptionProblem",
    okReason: "FilesystemIsOK",
    okMessage: "Filesystem is healthy",
    source: "filesystem-corruption-custom-plugin-monitor",
  },
  {
    type: "VMEventScheduled",
    okReason: "NoVMEventScheduled",
    okMessage: "VM has no scheduled event",
    source: "vm-event-custom-plugin-monitor",
  },
  {
    type: "FrequentKubeletRestart",
    okReason: "NoFrequentKubeletRestart",
    okMessage: "kubelet is functioning properly",
    source: "systemd-monitor",
  },
  {
    type: "FrequentDockerRestart",
    okReason: "NoFrequentDockerRestart",
    okMessage: "docker is functioning properly",
    source: "systemd-monitor",
  },
];

export const HEALTH_CHECK_MS = 10_000;
const LOG_COUNTER_MS = 5 * 60_000;
const LOG_COUNTER_DELAY_MS = 5 * 60_000;
const LOOKBACK_MS = 20 * 60_000;
const RESTART_THRESHOLD = 5;
/** The condition manager re-posts unchanged conditions this often (heartbeatPeriod). */
const HEARTBEAT_MS = 5 * 60_000;

export interface NpdDeps {
  clock: SimClock;
  store: ObjectStore;
  events: EventRecorder;
  systemd: Systemd;
  journal: Journal;
  hostname: string;
}

type Status = {
  status: "True" | "False";
  reason: string;
  message: string;
  /** The change event's message when the monitor words it differently from the condition's. */
  event?: string;
};

export class NodeProblemDetector {
  constructor(private readonly deps: NpdDeps) {}

  readonly program: Program = (ctx) => this.run(ctx);

  private run(ctx: ProgramContext): ReturnType<Program> {
    const { clock, systemd, journal } = this.deps;
    let lastUsec = 0;
    const log = (source: string, text: string) => {
      lastUsec = Math.max(clock.now() * 1000 + 211, lastUsec + 29);
      ctx.log(`I${klogTime(lastUsec)} ${String(ctx.pid).padStart(7)} ${source}] ${text}`);
    };
    log(
      "custom_plugin_monitor.go:81",
      "Finish parsing custom plugin monitor config file /etc/node-problem-detector.d/custom-plugin-monitor/kubelet-problem-monitor.json",
    );
    log(
      "custom_plugin_monitor.go:81",
      "Finish parsing custom plugin monitor config file /etc/node-problem-detector.d/custom-plugin-monitor/container-runtime-problem-monitor.json",
    );
    log(
      "log_monitor.go:79",
      "Finish parsing log monitor config file /etc/node-problem-detector.d/system-log-monitor/kernel-monitor.json",
    );
    log("k8s_exporter.go:54", "Waiting for kube-apiserver to be ready (timeout 5m0s)...");
    log("node_problem_detector.go:63", "K8s exporter started.");
    log("problem_detector.go:76", "Problem detector started");

    const startedAt = clock.now();
    const wanted = new Map<string, Status>(
      NPD_CONDITIONS.map((c) => [c.type, { status: "False", reason: c.okReason, message: c.okMessage }]),
    );
    let lastHeartbeat = 0;

    const unitUp = (unit: string) => systemd.unit(unit)?.activeState === "active";
    const healthCheck = () => {
      wanted.set(
        "KubeletProblem",
        unitUp("kubelet.service")
          ? { status: "False", reason: "KubeletIsUp", message: "kubelet service is up" }
          : { status: "True", reason: "KubeletIsDown", message: "kubelet is not functioning properly" },
      );
      wanted.set(
        "ContainerRuntimeProblem",
        unitUp("containerd.service")
          ? { status: "False", reason: "ContainerRuntimeIsUp", message: "container runtime service is up" }
          : {
              status: "True",
              reason: "ContainerRuntimeIsDown",
              message: "container runtime is not functioning properly",
            },
      );
    };
    /** log-counter over the journal: matching systemd lines in the last 20 minutes. */
    const logCounter = () => {
      if (clock.now() - startedAt < LOG_COUNTER_DELAY_MS) return;
      const since = (clock.now() - LOOKBACK_MS) * 1000;
      const count = (re: RegExp) =>
        journal.query({ since }).filter((e) => e.identifier === "systemd" && e.pid === 1 && re.test(e.message)).length;
      const counted = (type: string, reason: string, okMessage: string, okReason: string, n: number) =>
        wanted.set(
          type,
          n >= RESTART_THRESHOLD
            ? {
                status: "True",
                reason,
                message: `Found ${n} matching logs, which meets the threshold of ${RESTART_THRESHOLD}`,
              }
            : { status: "False", reason: okReason, message: okMessage },
        );
      counted(
        "FrequentKubeletRestart",
        "FrequentKubeletRestart",
        "kubelet is functioning properly",
        "NoFrequentKubeletRestart",
        count(/^Started (Kubernetes kubelet|kubelet\.service|Kubelet)\.$/),
      );
      counted(
        "FrequentContainerdRestart",
        "FrequentContainerdRestart",
        "containerd is functioning properly",
        "NoFrequentContainerdRestart",
        count(/^Starting (containerd container runtime|containerd\.service)\.\.\.$/),
      );
    };
    const sync = () => {
      const heartbeat = clock.now() - lastHeartbeat >= HEARTBEAT_MS;
      if (this.apply(wanted, heartbeat) && heartbeat) lastHeartbeat = clock.now();
    };

    // The kmsg watcher: kernel records from now on (the journal's kernel transport).
    const stopKmsg = journal.follow((entry) => {
      if (entry.identifier !== "kernel") return;
      const rules = matchKernelLog(entry.message);
      for (const rule of rules) {
        if (rule.type === "temporary") {
          this.deps.events.record(
            { kind: "Node", name: this.deps.hostname, uid: this.deps.hostname },
            "Warning",
            rule.reason,
            entry.message,
            KERNEL_MONITOR_SOURCE,
            this.deps.hostname,
          );
        } else if (rule.condition) {
          const type = rule.condition;
          wanted.set(type, {
            status: "True",
            reason: rule.reason,
            message: entry.message,
            event: conditionChangeMessage(type, "True", rule.reason, entry.message),
          });
        }
      }
      if (rules.some((r) => r.type === "permanent")) sync();
    });

    healthCheck();
    sync();
    const timers = [
      clock.setInterval(() => {
        healthCheck();
        sync();
      }, HEALTH_CHECK_MS),
      clock.setInterval(() => {
        logCounter();
        sync();
      }, LOG_COUNTER_MS),
    ];
    return {
      tasks: 9,
      memoryBytes: 24_600_000,
      cpuShare: 0.004,
      stop: () => {
        stopKmsg();
        for (const t of timers) clock.clearTimer(t);
      },
    };
  }

  /**
   * Write the conditions that changed (or all, on a heartbeat) to the Node, NPD's before the
   * kubelet's; an event per change. Returns whether the node was there to write to.
   */
  private apply(wanted: Map<string, Status>, heartbeat: boolean): boolean {
    const { store, clock, events, hostname } = this.deps;
    const node = store.get<Node>("nodes", hostname);
    if (!node) return false;
    // Most passes change nothing: the time is only formatted for one that writes.
    let formatted: string | undefined;
    const stamp = () => (formatted ??= rfc3339(clock.now()));
    let changed = false;
    const mine: NodeCondition[] = [];
    // Every 10 s: the node's conditions by type, looked up without a closure per condition.
    const byType = new Map<string, NodeCondition>();
    for (const c of node.status.conditions) if (!byType.has(c.type)) byType.set(c.type, c);
    for (const spec of NPD_CONDITIONS) {
      const w = wanted.get(spec.type) as Status;
      const existing = byType.get(spec.type);
      if (!existing) {
        const { event: _event, ...condition } = w;
        mine.push({ type: spec.type, ...condition, lastHeartbeatTime: stamp(), lastTransitionTime: stamp() });
        changed = true;
        continue;
      }
      if (existing.status !== w.status || existing.reason !== w.reason) {
        if (existing.status !== w.status) existing.lastTransitionTime = stamp();
        const { event: _event, ...condition } = w;
        Object.assign(existing, condition, { lastHeartbeatTime: stamp() });
        changed = true;
        events.record(
          { kind: "Node", name: hostname, uid: hostname },
          w.status === "True" ? "Warning" : "Normal",
          w.reason,
          w.event ?? w.message,
          spec.source,
          hostname,
        );
      } else if (heartbeat) {
        existing.lastHeartbeatTime = stamp();
        changed = true;
      }
    }
    if (mine.length) node.status.conditions.unshift(...mine);
    if (changed) store.put("nodes", node);
    return true;
  }
}
