/**
 * The kubelet's pod workers (pkg/kubelet/pod_workers.go + kuberuntime SyncPod, reduced):
 * for each pod bound to this node, make sure its sandbox and containers exist through CRI,
 * then write the pod's status back to the API. Failures become the events and waiting
 * reasons a learner sees in `kubectl describe pod`.
 */
import type { SimClock } from "../clock";
import type { EventRecorder } from "../cluster/events";
import type { ObjectStore } from "../cluster/store";
import type { ContainerStatus, Node, Pod, PodCondition } from "../cluster/types";
import type { Containerd } from "../runtime/containerd";
import { CriDialError } from "../runtime/cri";
import type { ContainerRecord, PodSandbox } from "../runtime/types";
import { rfc3339 } from "../util/time-format";
import type { KV, Severity } from "./klog";

export interface PodWorkerDeps {
  clock: SimClock;
  store: ObjectStore;
  events: EventRecorder;
  containerd: Containerd;
  nodeName: string;
  runtimeEndpoint: string;
  log: (sev: Severity, source: string, msg: string, kv?: KV) => void;
}

export type QosClass = "Guaranteed" | "Burstable" | "BestEffort";

/** v1qos.GetPodQOS, reduced to cpu and memory. */
export function podQos(pod: Pod): QosClass {
  const containers = pod.spec.containers;
  const any = containers.some(
    (c) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length,
  );
  if (!any) return "BestEffort";
  const guaranteed = containers.every((c) =>
    ["cpu", "memory"].every(
      (r) => c.resources?.limits?.[r] && (c.resources.requests?.[r] ?? c.resources.limits[r]) === c.resources.limits[r],
    ),
  );
  return guaranteed ? "Guaranteed" : "Burstable";
}

/** The pod's cgroup under the systemd driver (pkg/kubelet/cm, cgroup v2). */
export function podCgroupParent(pod: Pod): string {
  const uid = pod.metadata.uid.replace(/-/g, "_");
  const qos = podQos(pod);
  if (qos === "Guaranteed") return `/kubepods.slice/kubepods-pod${uid}.slice`;
  const q = qos.toLowerCase();
  return `/kubepods.slice/kubepods-${q}.slice/kubepods-${q}-pod${uid}.slice`;
}

/** One CRI listing per sync pass, indexed by pod UID, instead of a listing per pod. */
interface RuntimeIndex {
  sandboxes: Map<string, PodSandbox>;
  containers: Map<string, ContainerRecord[]>;
}

export class PodWorkers {
  private index: RuntimeIndex = { sandboxes: new Map(), containers: new Map() };

  constructor(private readonly deps: PodWorkerDeps) {}

  private indexRuntime(): RuntimeIndex {
    const { containerd } = this.deps;
    const sandboxes = new Map<string, PodSandbox>();
    for (const s of containerd.listPodSandboxes())
      if (s.state === "SANDBOX_READY" && !sandboxes.has(s.uid)) sandboxes.set(s.uid, s);
    const containers = new Map<string, ContainerRecord[]>();
    for (const c of containerd.listContainers()) {
      const list = containers.get(c.sandboxId) ?? [];
      list.push(c);
      containers.set(c.sandboxId, list);
    }
    return { sandboxes, containers };
  }

  private containersOf(sandboxId: string, name: string): ContainerRecord[] {
    return (this.index.containers.get(sandboxId) ?? []).filter((c) => c.name === name);
  }

  syncAll(): void {
    const { store, nodeName } = this.deps;
    this.index = this.indexRuntime();
    for (const pod of store.list<Pod>("pods")) {
      if (pod.spec.nodeName !== nodeName) continue;
      try {
        this.syncPod(pod);
      } catch (e) {
        if (e instanceof CriDialError) return; // runtime down: the status loop reports it
        throw e;
      }
    }
  }

  private syncPod(pod: Pod): void {
    const { containerd, events, log } = this.deps;
    const ref = { kind: "Pod", name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid };
    containerd.dial(this.deps.runtimeEndpoint);
    let sandbox = this.index.sandboxes.get(pod.metadata.uid);
    let changed = false;
    if (!sandbox) {
      try {
        sandbox = containerd.runPodSandbox({
          name: pod.metadata.name,
          namespace: pod.metadata.namespace ?? "default",
          uid: pod.metadata.uid,
          attempt: 0,
          hostNetwork: pod.spec.hostNetwork === true,
          cgroupParent: podCgroupParent(pod),
        });
        this.index.sandboxes.set(pod.metadata.uid, sandbox);
        changed = true;
      } catch (e) {
        const message = `Failed to create pod sandbox: rpc error: code = Unknown desc = ${(e as Error).message}`;
        log("E", "pod_workers.go:1301", "Error syncing pod, skipping", {
          err: message,
          pod: `${pod.metadata.namespace}/${pod.metadata.name}`,
          podUID: pod.metadata.uid,
        });
        events.record(ref, "Warning", "FailedCreatePodSandBox", message, "kubelet", this.deps.nodeName);
        this.writeStatus(pod, undefined);
        return;
      }
    }
    for (const spec of pod.spec.containers) {
      const existing = this.containersOf(sandbox.id, spec.name);
      if (existing.some((c) => c.state === "CONTAINER_RUNNING")) continue;
      const attempt = existing.length;
      if (!containerd.images.has(spec.image)) {
        events.record(ref, "Normal", "Pulling", `Pulling image "${spec.image}"`, "kubelet", this.deps.nodeName);
        containerd.addImage(spec.image, 25_000_000);
        events.record(
          ref,
          "Normal",
          "Pulled",
          `Successfully pulled image "${spec.image}" in 2.104s (2.104s including waiting). Image size: 25000000 bytes.`,
          "kubelet",
          this.deps.nodeName,
        );
      } else {
        events.record(
          ref,
          "Normal",
          "Pulled",
          `Container image "${spec.image}" already present on machine`,
          "kubelet",
          this.deps.nodeName,
        );
      }
      const record = containerd.createContainer(sandbox.id, { name: spec.name, image: spec.image, attempt });
      this.index.containers.set(sandbox.id, [...(this.index.containers.get(sandbox.id) ?? []), record]);
      events.record(ref, "Normal", "Created", `Created container: ${spec.name}`, "kubelet", this.deps.nodeName);
      containerd.startContainer(record.id);
      events.record(ref, "Normal", "Started", `Started container ${spec.name}`, "kubelet", this.deps.nodeName);
      changed = true;
    }
    if (
      changed ||
      pod.status.phase !== "Running" ||
      pod.status.conditions?.find((c) => c.type === "Ready")?.status !== "True"
    ) {
      this.writeStatus(pod, sandbox);
    }
  }

  private writeStatus(pod: Pod, sandbox: PodSandbox | undefined): void {
    const { containerd, clock, store, nodeName } = this.deps;
    const stamp = rfc3339(clock.now());
    const node = store.get<Node>("nodes", nodeName);
    const hostIP = node?.status.addresses.find((a) => a.type === "InternalIP")?.address;
    const statuses: ContainerStatus[] = pod.spec.containers.map((spec) => {
      const records = sandbox ? this.containersOf(sandbox.id, spec.name) : [];
      const running = records.find((c) => c.state === "CONTAINER_RUNNING");
      const image = containerd.images.get(spec.image);
      if (!running) {
        return {
          name: spec.name,
          image: spec.image,
          imageID: "",
          ready: false,
          started: false,
          restartCount: 0,
          state: { waiting: { reason: "ContainerCreating" } },
        };
      }
      return {
        name: spec.name,
        image: spec.image,
        imageID: image?.digest ?? "",
        containerID: `containerd://${running.id}`,
        ready: true,
        started: true,
        restartCount: Math.max(0, records.length - 1),
        state: { running: { startedAt: rfc3339(running.startedAt ?? clock.now()) } },
      };
    });
    const allReady = statuses.every((s) => s.ready);
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
                message: `containers with unready status: [${statuses
                  .filter((s) => !s.ready)
                  .map((s) => s.name)
                  .join(" ")}]`,
              }
            : {}),
      };
    };
    pod.status = {
      ...pod.status,
      phase: allReady ? "Running" : "Pending",
      hostIP,
      podIP: sandbox ? (sandbox.hostNetwork ? hostIP : sandbox.ip) : undefined,
      podIPs: sandbox ? [{ ip: (sandbox.hostNetwork ? hostIP : sandbox.ip) ?? "" }] : undefined,
      startTime: pod.status.startTime ?? stamp,
      qosClass: podQos(pod),
      conditions: [
        cond("PodReadyToStartContainers", sandbox !== undefined),
        cond("Initialized", true),
        cond("Ready", allReady),
        cond("ContainersReady", allReady),
        cond("PodScheduled", true),
      ],
      containerStatuses: statuses,
    };
    store.put("pods", pod);
  }
}
