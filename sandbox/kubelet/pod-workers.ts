/**
 * The kubelet's pod workers (pkg/kubelet/pod_workers.go + kuberuntime_manager.go SyncPod /
 * KillPod, reduced): for each pod bound to this node, make sure its sandbox and containers
 * exist through CRI, restart exited containers with back-off, pull images with back-off,
 * stop and remove pods being deleted (and orphans), then write the pod's status back to the
 * API. Failures become the events and waiting reasons a learner sees in `kubectl describe`.
 */
import type { SimClock } from "../clock";
import type { EventRecorder } from "../cluster/events";
import type { ObjectStore } from "../cluster/store";
import type { ContainerStatus, Node, Pod, PodCondition } from "../cluster/types";
import type { NodeFs } from "../node/fs";
import type { Containerd } from "../runtime/containerd";
import { CriCallError, CriDialError } from "../runtime/cri";
import { normalizeRef } from "../runtime/reference";
import type { ContainerRecord, PodSandbox } from "../runtime/types";
import { rfc3339 } from "../util/time-format";
import { Backoff, goDuration } from "./backoff";
import { incompleteInitContainers, isSidecar, nextInitAction } from "./init-containers";
import type { KV, Severity } from "./klog";
import { NETWORK_NOT_READY } from "./node-status";
import { containerMounts, makePodDirs, removePodDirs } from "./pod-dirs";
import { containerStatuses, podPhase, type Waiting } from "./pod-status";
import { memoryLimitBytes, oomScoreAdj, podCgroupParent, podQos } from "./qos";
import { podDnsConfig, serviceEnv } from "./service-env";

export { podCgroupParent, podQos, type QosClass } from "./qos";

export interface PodWorkerDeps {
  fs: NodeFs;
  clock: SimClock;
  store: ObjectStore;
  events: EventRecorder;
  containerd: Containerd;
  nodeName: string;
  runtimeEndpoint: string;
  /** --cluster-dns and --resolv-conf: the pods' DNS server, and the node's file whose search line they inherit. */
  clusterDns?: string;
  resolvConf?: string;
  /** Node memory capacity in bytes, for the containers' oom_score_adj. */
  memoryCapacityBytes: number;
  log: (sev: Severity, source: string, msg: string, kv?: KV) => void;
  /** The kubelet's last known runtime network readiness; the runtime's own answer if absent. */
  networkReady?: () => boolean;
}

/** Fields of the API the control plane's engineer adds (deletion, restartPolicy, pull policy). */
type PodMeta = Pod["metadata"] & { deletionTimestamp?: string; deletionGracePeriodSeconds?: number };
type PodSpecExtra = { restartPolicy?: "Always" | "OnFailure" | "Never" };
type ContainerExtra = { imagePullPolicy?: "Always" | "IfNotPresent" | "Never" };

/** The kubelet's ContainerGCPeriod. */
const CONTAINER_GC_PERIOD_MS = 60_000;

/** PLEG's relist period: an exit is noticed within a second. */
const PLEG_RELIST_MS = 1_000;

/** format.Pod: `<name>_<namespace>(<uid>)`. */
const formatPod = (pod: Pod) => `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;

export class PodWorkers {
  private readonly containerBackoff: Backoff;
  private readonly imageBackoff: Backoff;
  /** Why each container (by pod UID/name) is not running, from the last sync. */
  private readonly waiting = new Map<string, Waiting>();
  private readonly timers = new Map<number, number>();

  constructor(private readonly deps: PodWorkerDeps) {
    const now = () => deps.clock.now();
    this.containerBackoff = new Backoff(now);
    this.imageBackoff = new Backoff(now);
  }

  /** Start listening for container exits (PLEG); returns the stop function for the kubelet's stop. */
  start(): () => void {
    const relist = () => {
      this.invalidate();
      this.syncAt(this.deps.clock.now() + PLEG_RELIST_MS);
    };
    const unsubscribe = this.deps.containerd.onContainerExit(relist);
    const unsubscribeSandboxes = this.deps.containerd.onSandboxExit(relist);
    const gc = this.deps.clock.setInterval(() => this.garbageCollect(), CONTAINER_GC_PERIOD_MS);
    return () => {
      unsubscribe();
      unsubscribeSandboxes();
      this.deps.clock.clearTimer(gc);
      for (const t of this.timers.values()) this.deps.clock.clearTimer(t);
      this.timers.clear();
    };
  }

  /** One sync at `when` (deduplicated): a back-off running out, a relist noticing an exit. */
  private syncAt(when: number): void {
    if (this.timers.has(when)) return;
    const id = this.deps.clock.setTimeout(
      () => {
        this.timers.delete(when);
        this.syncAll();
      },
      Math.max(0, when - this.deps.clock.now()),
    );
    this.timers.set(when, id);
  }

  syncAll(): void {
    const { store, nodeName, containerd } = this.deps;
    try {
      containerd.dial(this.deps.runtimeEndpoint);
      const pods = store.list<Pod>("pods").filter((p) => p.spec.nodeName === nodeName);
      for (const pod of pods) this.syncPod(pod);
      this.cleanupOrphans(new Set(pods.map((p) => p.metadata.uid)));
    } catch (e) {
      if (e instanceof CriDialError) return; // runtime down: the status loop reports it
      throw e;
    }
  }

  /** One CRI listing per sync pass (and after each change the pass makes), indexed for lookups. */
  private runtimeIndex?: {
    generation: number;
    sandboxes: Map<string, PodSandbox[]>;
    containers: Map<string, ContainerRecord[]>;
    /** Per sandbox, per container name: the attempts, newest first. */
    attempts: Map<string, Map<string, ContainerRecord[]>>;
  };

  private indexed() {
    // Any change to the runtime's sandboxes or containers moves its generation.
    if (this.runtimeIndex?.generation === this.deps.containerd.generation) return this.runtimeIndex;
    const sandboxes = new Map<string, PodSandbox[]>();
    for (const s of this.deps.containerd.listPodSandboxes()) sandboxes.set(s.uid, [...(sandboxes.get(s.uid) ?? []), s]);
    const containers = new Map<string, ContainerRecord[]>();
    const attempts = new Map<string, Map<string, ContainerRecord[]>>();
    for (const c of this.deps.containerd.listContainers()) {
      containers.set(c.sandboxId, [...(containers.get(c.sandboxId) ?? []), c]);
      let byName = attempts.get(c.sandboxId);
      if (!byName) {
        byName = new Map();
        attempts.set(c.sandboxId, byName);
      }
      byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
    }
    for (const byName of attempts.values())
      for (const list of byName.values()) list.sort((a, b) => b.attempt - a.attempt);
    this.runtimeIndex = { generation: this.deps.containerd.generation, sandboxes, containers, attempts };
    return this.runtimeIndex;
  }

  private invalidate(): void {
    this.runtimeIndex = undefined;
  }

  private sandboxesOf(uid: string): PodSandbox[] {
    return this.indexed().sandboxes.get(uid) ?? [];
  }

  /** The pod's containers by name, newest attempt first. */
  private containersOf(sandboxId: string | undefined, name: string): ContainerRecord[] {
    if (!sandboxId) return [];
    return [...(this.indexed().attempts.get(sandboxId)?.get(name) ?? [])];
  }

  private record(pod: Pod, type: "Normal" | "Warning", reason: string, message: string): void {
    const ref = { kind: "Pod", name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid };
    this.deps.events.record(ref, type, reason, message, "kubelet", this.deps.nodeName);
  }

  private syncError(pod: Pod, err: string): void {
    this.deps.log("E", "pod_workers.go:1301", "Error syncing pod, skipping", {
      err,
      pod: `${pod.metadata.namespace}/${pod.metadata.name}`,
      podUID: pod.metadata.uid,
    });
  }

  private syncPod(pod: Pod): void {
    const { containerd, fs, clock } = this.deps;
    if ((pod.metadata as PodMeta).deletionTimestamp) {
      this.killPod(pod);
      this.deps.log("I", "kubelet.go:2453", "SyncLoop DELETE", {
        source: "api",
        pods: `[${pod.metadata.namespace}/${pod.metadata.name}]`,
      });
      this.deps.store.delete("pods", pod.metadata.name, pod.metadata.namespace);
      return;
    }
    if (pod.status.phase === "Succeeded" || pod.status.phase === "Failed") return;
    // kubelet.go SyncPod: while the runtime's network is not ready only host-network pods are
    // synced; the others keep what runs (no new sandbox, no restart) and get an event per sync.
    const networkReady = this.deps.networkReady?.() ?? containerd.status().networkReady;
    if (!pod.spec.hostNetwork && !networkReady) {
      const err = `network is not ready: ${NETWORK_NOT_READY}`;
      this.record(pod, "Warning", "NetworkNotReady", err);
      this.syncError(pod, err);
      if (this.sandboxesOf(pod.metadata.uid).length === 0) this.writeStatus(pod, undefined);
      return;
    }
    // A steady pod is skipped only once the network is known ready: the check above is per sync.
    if (this.isSteady(pod)) return;
    const previous = this.sandboxesOf(pod.metadata.uid);
    let sandbox = previous.find((s) => s.state === "SANDBOX_READY");
    if (!sandbox && previous.length > 0) {
      // computePodActions: the sandbox died; kill what still runs in the pod and start over.
      this.record(pod, "Normal", "SandboxChanged", "Pod sandbox changed, it will be killed and re-created.");
      for (const old of previous) {
        for (const c of this.indexed().containers.get(old.id) ?? []) {
          if (c.state === "CONTAINER_RUNNING") containerd.stopContainer(c.id, 30);
        }
      }
      this.invalidate();
    }
    if (!sandbox) {
      try {
        sandbox = containerd.runPodSandbox({
          name: pod.metadata.name,
          namespace: pod.metadata.namespace ?? "default",
          uid: pod.metadata.uid,
          attempt: previous.length,
          hostNetwork: pod.spec.hostNetwork === true,
          cgroupParent: podCgroupParent(pod),
          // kuberuntime_sandbox.go: the pod's own labels travel with the sandbox.
          labels: { ...pod.metadata.labels },
          dns: this.dnsConfig(pod),
        });
        this.invalidate();
      } catch (e) {
        const message = `Failed to create pod sandbox: rpc error: code = Unknown desc = ${(e as Error).message}`;
        this.syncError(pod, message);
        this.record(pod, "Warning", "FailedCreatePodSandBox", message);
        this.writeStatus(pod, undefined);
        return;
      }
      makePodDirs(fs, pod, sandbox.hostNetwork ? undefined : sandbox.ip, clock.now());
    }
    this.syncContainers(pod, sandbox);
    this.writeStatus(pod, sandbox);
    this.noteSteady(pod, sandbox);
  }

  /**
   * Pods whose every container runs the image asked for, in a ready sandbox, with nothing
   * waiting: a sync of such a pod changes nothing until the pod object or the runtime changes
   * (nothing in it depends on the clock), so the resync every 10 s skips it. Keyed by the
   * pod's resourceVersion and the runtime's generation at the end of its last sync.
   */
  private readonly steady = new Map<string, { resourceVersion: string; runtime: number }>();

  private isSteady(pod: Pod): boolean {
    const mark = this.steady.get(pod.metadata.uid);
    return (
      mark !== undefined &&
      mark.resourceVersion === pod.metadata.resourceVersion &&
      mark.runtime === this.deps.containerd.generation
    );
  }

  private noteSteady(pod: Pod, sandbox: PodSandbox): void {
    const uid = pod.metadata.uid;
    const steady =
      sandbox.state === "SANDBOX_READY" &&
      pod.spec.containers.every((spec) => {
        const [latest] = this.containersOf(sandbox.id, spec.name);
        return (
          latest?.state === "CONTAINER_RUNNING" &&
          latest.image === normalizeRef(spec.image) &&
          !this.waiting.has(`${uid}/${spec.name}`)
        );
      });
    if (steady)
      this.steady.set(uid, {
        resourceVersion: pod.metadata.resourceVersion ?? "",
        runtime: this.deps.containerd.generation,
      });
    else this.steady.delete(uid);
  }

  /**
   * computePodActions: sidecars that have started are kept running; the next init container
   * runs alone; the app containers only once every init container is done (init-containers.ts).
   */
  private syncContainers(pod: Pod, sandbox: PodSandbox): void {
    const inits = pod.spec.initContainers ?? [];
    const latest = (name: string) => this.containersOf(sandbox.id, name)[0];
    for (const spec of inits.filter(isSidecar))
      if (latest(spec.name)) this.syncContainer(pod, sandbox, spec, "sidecar");
    const restartPolicy = (pod.spec as PodSpecExtra).restartPolicy ?? "Always";
    const action = nextInitAction(inits, latest, restartPolicy);
    if (action.kind === "start") {
      this.syncContainer(pod, sandbox, action.container, isSidecar(action.container) ? "sidecar" : "init");
    } else if (action.kind === "done") {
      for (const spec of pod.spec.containers) this.syncContainer(pod, sandbox, spec, "app");
    }
  }

  private syncContainer(
    pod: Pod,
    sandbox: PodSandbox,
    spec: Pod["spec"]["containers"][number],
    kind: "app" | "init" | "sidecar",
  ): void {
    const { containerd, clock } = this.deps;
    const key = `${pod.metadata.uid}/${spec.name}`;
    const [latest] = this.containersOf(sandbox.id, spec.name);
    if (latest?.state === "CONTAINER_RUNNING" && latest.image !== normalizeRef(spec.image)) {
      // computePodActions: the container's spec hash changed (here: its image), so the
      // running one is killed and the new definition started in the same sync, without back-off.
      const message = `Container ${spec.name} definition changed, will be restarted`;
      this.record(pod, "Normal", "Killing", message);
      this.deps.log("I", "kuberuntime_manager.go:1050", message, {
        pod: `${pod.metadata.namespace}/${pod.metadata.name}`,
      });
      containerd.stopContainer(latest.id, 30);
      this.invalidate();
    } else if (latest?.state === "CONTAINER_RUNNING") {
      this.waiting.delete(key);
      return;
    } else if (latest?.state === "CONTAINER_EXITED") {
      const policy = (pod.spec as PodSpecExtra).restartPolicy ?? "Always";
      // Init containers restart only after a failure (and not under Never); sidecars always.
      const stays =
        kind === "init"
          ? latest.exitCode === 0 || policy === "Never"
          : kind === "app" && (policy === "Never" || (policy === "OnFailure" && latest.exitCode === 0));
      if (stays) {
        this.waiting.delete(key);
        return;
      }
      // kuberuntime_manager.go doBackOff: keyed by pod and container, counted from the exit.
      const backoffKey = `${pod.metadata.name}_${pod.metadata.namespace}_${pod.metadata.uid}_${spec.name}`;
      const finishedAt = latest.finishedAt ?? clock.now();
      if (this.containerBackoff.isInBackOffSince(backoffKey, finishedAt)) {
        const message = `back-off ${goDuration(this.containerBackoff.get(backoffKey))} restarting failed container=${spec.name} pod=${formatPod(pod)}`;
        this.waiting.set(key, { reason: "CrashLoopBackOff", message });
        this.record(
          pod,
          "Warning",
          "BackOff",
          `Back-off restarting failed container ${spec.name} in pod ${formatPod(pod)}`,
        );
        this.syncError(pod, `failed to "StartContainer" for "${spec.name}" with CrashLoopBackOff: "${message}"`);
        this.syncAt(this.containerBackoff.until(backoffKey, finishedAt));
        return;
      }
      this.containerBackoff.next(backoffKey, finishedAt);
    }
    if (!this.ensureImage(pod, spec, key)) return;
    // The restart count continues from the newest attempt, or from the log directory when the
    // runtime lost the old containers (kuberuntime_container.go calcRestartCountByLogDir).
    const attempt = latest ? latest.attempt + 1 : this.restartCountFromLogs(sandbox, spec.name);
    const limit = memoryLimitBytes(spec);
    const mounts = containerMounts(pod, spec.name, sandbox.hostNetwork);
    for (const m of mounts)
      if (m.containerPath === "/dev/termination-log") this.deps.fs.writeFileSync(m.hostPath, "", 0o666);
    const record = containerd.createContainer(sandbox.id, {
      name: spec.name,
      image: spec.image,
      attempt,
      memoryLimitBytes: limit,
      oomScoreAdj: oomScoreAdj(pod, spec, this.deps.memoryCapacityBytes),
      annotations: { "io.kubernetes.container.restartCount": String(attempt) },
      mounts,
      securityContext: spec.securityContext,
      // makeEnvironmentVariables: the container's own variables, then the services'.
      env: [
        ...(spec.env ?? []).map(
          (e) =>
            `${e.name}=${e.value ?? (e.valueFrom?.fieldRef?.fieldPath === "status.hostIP" ? (this.hostIP() ?? "") : "")}`,
        ),
        ...serviceEnv(this.deps.store, pod),
      ],
    });
    this.record(pod, "Normal", "Created", `Created container: ${spec.name}`);
    containerd.startContainer(record.id);
    this.invalidate();
    this.record(pod, "Normal", "Started", `Started container ${spec.name}`);
    this.waiting.delete(key);
  }

  /**
   * The sandbox's DNS (dns.go GetPodDNS): the cluster DNS for ClusterFirst pods, with the node's
   * search domains after the cluster's; otherwise (Default, and host-network pods) the
   * nameservers, search domains and options of --resolv-conf.
   */
  private dnsConfig(pod: Pod) {
    const { clusterDns, resolvConf, fs } = this.deps;
    const host = (resolvConf ? fs.tryReadFileSync(resolvConf) : undefined) ?? "";
    const values = (key: string) =>
      [...host.matchAll(new RegExp(`^${key}\\s+(.+)$`, "gm"))].map((m) => (m[1] ?? "").trim());
    const searches = values("search").at(-1)?.split(/\s+/) ?? [];
    const fromCluster = clusterDns ? podDnsConfig(pod, clusterDns, searches) : undefined;
    if (fromCluster || !resolvConf) return fromCluster;
    return { servers: values("nameserver"), searches, options: values("options").flatMap((o) => o.split(/\s+/)) };
  }

  /** pkg/kubelet/images/image_manager.go EnsureImageExists; false when the container must wait. */
  private ensureImage(pod: Pod, spec: Pod["spec"]["containers"][number], key: string): boolean {
    const { containerd, clock } = this.deps;
    const image = spec.image;
    const tagless = !/:[^/]+$/.test(image) && !image.includes("@");
    const policy =
      (spec as ContainerExtra).imagePullPolicy ?? (tagless || image.endsWith(":latest") ? "Always" : "IfNotPresent");
    const present = containerd.imageStatus(image);
    if (present && policy !== "Always") {
      this.record(pod, "Normal", "Pulled", `Container image "${image}" already present on machine`);
      return true;
    }
    if (policy === "Never") {
      // image_manager.go: with pull policy Never an absent image is an error the kubelet retries
      // on every sync, without back-off, until someone puts the image in the runtime's store.
      const message = `Container image "${image}" is not present with pull policy of Never`;
      this.record(pod, "Warning", "ErrImageNeverPull", message);
      this.waiting.set(key, { reason: "ErrImageNeverPull", message });
      this.syncError(pod, `failed to "StartContainer" for "${spec.name}" with ErrImageNeverPull: "${message}"`);
      return false;
    }
    const backoffKey = `${pod.metadata.uid}_${image}`;
    if (this.imageBackoff.isInBackOffSinceUpdate(backoffKey, clock.now())) {
      const message = `Back-off pulling image "${image}"`;
      this.record(pod, "Normal", "BackOff", message);
      this.record(pod, "Warning", "Failed", "Error: ImagePullBackOff");
      this.waiting.set(key, { reason: "ImagePullBackOff", message });
      this.syncError(pod, `failed to "StartContainer" for "${spec.name}" with ImagePullBackOff: "${message}"`);
      return false;
    }
    this.record(pod, "Normal", "Pulling", `Pulling image "${image}"`);
    try {
      const pulled = containerd.pullImage(image);
      this.record(
        pod,
        "Normal",
        "Pulled",
        `Successfully pulled image "${image}" in 2.104s (2.104s including waiting). Image size: ${pulled.sizeBytes} bytes.`,
      );
      return true;
    } catch (e) {
      if (!(e instanceof CriCallError)) throw e;
      this.record(pod, "Warning", "Failed", `Failed to pull image "${image}": ${e.message}`);
      this.imageBackoff.next(backoffKey, clock.now());
      this.record(pod, "Warning", "Failed", "Error: ErrImagePull");
      this.waiting.set(key, { reason: "ErrImagePull", message: e.message });
      this.syncError(pod, `failed to "StartContainer" for "${spec.name}" with ErrImagePull: "${e.message}"`);
      this.syncAt(this.imageBackoff.until(backoffKey, clock.now()));
      return false;
    }
  }

  private restartCountFromLogs(sandbox: PodSandbox, name: string): number {
    const dir = `/var/log/pods/${sandbox.namespace}_${sandbox.name}_${sandbox.uid}/${name}`;
    if (!this.deps.fs.isDirectorySync(dir)) return 0;
    const counts = this.deps.fs
      .readdirSync(dir)
      .map((f) => /^(\d+)\.log$/.exec(f)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);
    return counts.length ? Math.max(...counts) + 1 : 0;
  }

  /**
   * kuberuntime_gc.go with the kubelet's defaults (MinAge 0, MaxPerPodContainer 1): of each
   * pod's container, only the newest exited attempt is kept; older ones are removed with their
   * log files, so `crictl ps -a` shows one dead attempt beside the running or waiting one.
   */
  private garbageCollect(): void {
    const { containerd, fs } = this.deps;
    try {
      containerd.dial(this.deps.runtimeEndpoint);
    } catch (e) {
      if (e instanceof CriDialError) return;
      throw e;
    }
    // Once a minute; mostly nothing has exited and no sandbox is down: nothing to collect.
    let exited = false;
    for (const c of containerd.containers.values()) if (c.state === "CONTAINER_EXITED") exited = true;
    for (const sb of containerd.sandboxes.values()) if (sb.state === "SANDBOX_NOTREADY") exited = true;
    if (!exited) return;
    const seen = new Set<string>();
    const byNewest = containerd.listContainers().sort((a, b) => b.createdAt - a.createdAt || b.attempt - a.attempt);
    for (const c of byNewest) {
      if (c.state !== "CONTAINER_EXITED") continue;
      const key = `${c.sandboxId}/${c.name}`;
      if (!seen.has(key)) {
        seen.add(key);
        continue;
      }
      containerd.removeContainer(c.id);
      fs.rmSync(c.logPath, { force: true });
    }
    // evictSandboxes: a pod's NotReady sandboxes go once a newer one exists.
    const newest = new Set<string>();
    for (const sb of containerd.listPodSandboxes()) {
      if (!newest.has(sb.uid)) {
        newest.add(sb.uid);
        continue;
      }
      if (sb.state === "SANDBOX_NOTREADY") containerd.removePodSandbox(sb.id);
    }
    this.invalidate();
  }

  /** kuberuntime_manager.go KillPod: stop each container (SIGTERM, grace period), then the sandbox. */
  private killPod(pod: Pod): void {
    const { containerd, log } = this.deps;
    const grace = (pod.metadata as PodMeta).deletionGracePeriodSeconds ?? 30;
    for (const sandbox of this.sandboxesOf(pod.metadata.uid)) {
      for (const c of containerd.listContainers()) {
        if (c.sandboxId !== sandbox.id || c.state !== "CONTAINER_RUNNING") continue;
        log("I", "kuberuntime_container.go:809", "Killing container with a grace period", {
          pod: `${pod.metadata.namespace}/${pod.metadata.name}`,
          podUID: pod.metadata.uid,
          containerName: c.name,
          containerID: `containerd://${c.id}`,
          gracePeriod: grace,
        });
        this.record(pod, "Normal", "Killing", `Stopping container ${c.name}`);
        containerd.stopContainer(c.id, grace);
      }
    }
    this.invalidate();
    this.removePod(pod.metadata.uid);
  }

  /** Stop and remove the pod's sandboxes (CNI DEL frees its IP), then its directories and logs. */
  private removePod(uid: string): void {
    const { containerd, fs } = this.deps;
    let logDir: string | undefined;
    for (const sandbox of this.sandboxesOf(uid)) {
      logDir = `/var/log/pods/${sandbox.namespace}_${sandbox.name}_${sandbox.uid}`;
      containerd.removePodSandbox(sandbox.id);
    }
    this.invalidate();
    removePodDirs(fs, uid, logDir);
    for (const key of [...this.waiting.keys()]) if (key.startsWith(`${uid}/`)) this.waiting.delete(key);
    this.written.delete(uid);
  }

  /** kubelet_pods.go HandlePodCleanups: sandboxes of pods no longer bound here are killed. */
  private cleanupOrphans(known: Set<string>): void {
    // Every resync asks; there is seldom an orphan, and the sorted listing is only needed for one.
    let any = false;
    for (const s of this.deps.containerd.sandboxes.values()) if (!known.has(s.uid)) any = true;
    if (!any) return;
    const orphans = new Set(
      this.deps.containerd
        .listPodSandboxes()
        .map((s) => s.uid)
        .filter((uid) => !known.has(uid)),
    );
    for (const uid of orphans) {
      for (const c of this.deps.containerd.listContainers()) {
        const sandbox = this.deps.containerd.sandboxes.get(c.sandboxId);
        if (sandbox?.uid === uid && c.state === "CONTAINER_RUNNING") this.deps.containerd.stopContainer(c.id, 30);
      }
      this.invalidate();
      this.removePod(uid);
    }
  }

  /**
   * What the last status written for each pod was computed from: the status manager only
   * writes when the runtime's view or the object changed, so a resync of a steady pod is cheap.
   */
  private readonly written = new Map<string, string>();

  private fingerprint(pod: Pod, sandbox: PodSandbox | undefined): string {
    const parts = [pod.metadata.resourceVersion ?? "", sandbox?.id ?? "", sandbox?.state ?? ""];
    for (const spec of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
      const [latest, previous] = this.containersOf(sandbox?.id, spec.name);
      const waiting = this.waiting.get(`${pod.metadata.uid}/${spec.name}`);
      parts.push(
        spec.image,
        latest?.id ?? "",
        latest?.state ?? "",
        previous?.id ?? "",
        waiting?.reason ?? "",
        waiting?.message ?? "",
      );
    }
    return parts.join("|");
  }

  private writeStatus(pod: Pod, sandbox: PodSandbox | undefined): void {
    if (this.written.get(pod.metadata.uid) === this.fingerprint(pod, sandbox)) return;
    this.writeStatusNow(pod, sandbox);
    this.written.set(pod.metadata.uid, this.fingerprint(pod, sandbox));
  }

  /** The node's InternalIP, as status.hostIP and the downward API give it. */
  private hostIP(): string | undefined {
    const node = this.deps.store.get<Node>("nodes", this.deps.nodeName);
    return node?.status.addresses.find((a) => a.type === "InternalIP")?.address;
  }

  private writeStatusNow(pod: Pod, sandbox: PodSandbox | undefined): void {
    const { containerd, clock } = this.deps;
    const stamp = rfc3339(clock.now());
    const hostIP = this.hostIP();
    const attempts = (name: string) => this.containersOf(sandbox?.id, name);
    const waitingOf = (name: string) => this.waiting.get(`${pod.metadata.uid}/${name}`);
    const digestOf = (ref: string) => containerd.imageStatus(ref)?.digest ?? "";
    const statuses: ContainerStatus[] = containerStatuses(pod, attempts, waitingOf, digestOf);
    const inits = pod.spec.initContainers ?? [];
    const initStatuses = containerStatuses(pod, attempts, waitingOf, digestOf, inits, true);
    // Readiness counts the sidecars beside the app containers (status/generate.go).
    const readiness = [...initStatuses.filter((s) => inits.find((c) => c.name === s.name)?.restartPolicy), ...statuses];
    const allReady = readiness.every((s) => s.ready);
    // GeneratePodInitializedCondition; a pod whose app containers have run stays initialized.
    const incomplete = incompleteInitContainers(inits, (name) => attempts(name)[0]);
    const initialized = incomplete.length === 0 || pod.spec.containers.some((c) => attempts(c.name).length > 0);
    const cond = (type: string, ok: boolean): PodCondition => {
      const previous = pod.status.conditions?.find((c) => c.type === type);
      const status = ok ? "True" : "False";
      return {
        type,
        status,
        lastProbeTime: null,
        lastTransitionTime: previous && previous.status === status ? previous.lastTransitionTime : stamp,
        ...(ok
          ? {}
          : type === "Ready" || type === "ContainersReady"
            ? {
                reason: "ContainersNotReady",
                message: `containers with unready status: [${readiness
                  .filter((s) => !s.ready)
                  .map((s) => s.name)
                  .join(" ")}]`,
              }
            : type === "Initialized"
              ? {
                  reason: "ContainersNotInitialized",
                  message: `containers with incomplete status: [${incomplete.join(" ")}]`,
                }
              : {}),
      };
    };
    const podIP = sandbox ? (sandbox.hostNetwork ? hostIP : sandbox.ip) : undefined;
    const status: Pod["status"] = {
      ...pod.status,
      phase: podPhase(statuses, (pod.spec as PodSpecExtra).restartPolicy ?? "Always", initStatuses, inits),
      hostIP,
      podIP,
      podIPs: podIP ? [{ ip: podIP }] : undefined,
      startTime: pod.status.startTime ?? stamp,
      qosClass: podQos(pod),
      conditions: [
        cond("PodReadyToStartContainers", sandbox !== undefined),
        cond("Initialized", initialized),
        cond("Ready", allReady),
        cond("ContainersReady", allReady),
        cond("PodScheduled", true),
      ],
      ...(inits.length ? { initContainerStatuses: initStatuses } : {}),
      containerStatuses: statuses,
    };
    // Only a changed status is written (the status manager compares before it patches).
    if (JSON.stringify(status) === JSON.stringify(pod.status)) return;
    pod.status = status;
    this.deps.store.put("pods", pod);
  }
}
