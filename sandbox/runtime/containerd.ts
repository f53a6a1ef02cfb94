/**
 * containerd 1.7 with its CRI plugin: images, pod sandboxes (a pause container holding the
 * pod's network namespace), containers, and their logs under /var/log/pods. The daemon runs
 * as containerd.service; while it is down the socket is gone and every CRI call fails, but
 * containers keep running in their shims (KillMode=process), as on a real node.
 */

import type { SimClock } from "../clock";
import type { AzureVnetCni } from "../cni/azure-vnet";
import { type NodeFs, S_IFSOCK } from "../node/fs";
import type { ProcessTable } from "../node/processes";
import { type Program, signalNumber } from "../node/systemd/programs";
import type { IdSource } from "../util/ids";
import { rfc3339Nano } from "../util/time-format";
import { type ContainerdConfig, readContainerdConfig } from "./config";
import { CriDialError, dialError, socketPath } from "./cri";
import type { ContainerRecord, Image, PodSandbox } from "./types";

export const CONTAINERD_SOCKET = "/run/containerd/containerd.sock";
export const CONTAINERD_ENDPOINT = `unix://${CONTAINERD_SOCKET}`;
export const CONTAINERD_VERSION = "1.7.28-1";
const CONFIG_PATH = "/etc/containerd/config.toml";

export interface SandboxConfig {
  name: string;
  namespace: string;
  uid: string;
  attempt: number;
  hostNetwork: boolean;
  /** The pod's cgroup, chosen by the kubelet from its QoS class. */
  cgroupParent: string;
  labels?: Record<string, string>;
}

export interface ContainerConfig {
  name: string;
  image: string;
  attempt: number;
  labels?: Record<string, string>;
}

export class Containerd {
  readonly images = new Map<string, Image>();
  readonly sandboxes = new Map<string, PodSandbox>();
  readonly containers = new Map<string, ContainerRecord>();
  private running = false;
  readonly version = CONTAINERD_VERSION;
  /** What each image's process prints when it starts (scenario data). */
  readonly startupLogs = new Map<string, string[]>();
  /** The command line each image's process runs with (scenario data); else the container's name. */
  readonly commands = new Map<string, string[]>();
  config?: ContainerdConfig;

  constructor(
    private readonly fs: NodeFs,
    private readonly clock: SimClock,
    private readonly procs: ProcessTable,
    private readonly ids: IdSource,
    private readonly cni: AzureVnetCni,
  ) {}

  /** The daemon, as systemd runs it from /usr/bin/containerd (Type=notify). */
  readonly program: Program = (ctx) => {
    const log = (level: string, msg: string, extra = "") =>
      ctx.log(`time="${rfc3339Nano(this.clock.now() * 1000)}" level=${level} msg="${msg}"${extra}`);
    log(
      "info",
      "starting containerd",
      ` revision=${"b98a3aace656320842a23f4a392a33f46af97866".slice(0, 40)} version=${CONTAINERD_VERSION.replace(/-1$/, "")}`,
    );
    const text = this.fs.tryReadFileSync(CONFIG_PATH);
    try {
      this.config = readContainerdConfig(text ?? "");
    } catch (e) {
      ctx.log(`containerd: failed to load TOML from ${CONFIG_PATH}: ${(e as Error).message}`);
      return 1;
    }
    log("info", 'loading plugin \\"io.containerd.grpc.v1.cri\\"...', " type=io.containerd.grpc.v1");
    log(
      "info",
      `Start cri plugin with config {PluginConfig:{ContainerdConfig:{Snapshotter:${this.config.snapshotter} DefaultRuntimeName:${this.config.defaultRuntime}} SandboxImage:${this.config.sandboxImage}}}`,
    );
    if (!this.cni.networkReady()) {
      log(
        "error",
        "failed to load cni during init, please check CRI plugin status before setting up network for pods",
        ` error="cni config load failed: no network config found in ${this.config.cniConfDir}: cni plugin not initialized: failed to load cni config"`,
      );
    }
    this.fs.writeFileSync(CONTAINERD_SOCKET, "", S_IFSOCK | 0o660);
    this.fs.writeFileSync(`${CONTAINERD_SOCKET}.ttrpc`, "", S_IFSOCK | 0o660);
    this.running = true;
    log("info", "serving...", ` address=${CONTAINERD_SOCKET}.ttrpc`);
    log("info", "serving...", ` address=${CONTAINERD_SOCKET}`);
    log("info", "containerd successfully booted in 0.041273s");
    return {
      tasks: 11,
      memoryBytes: 48_300_000,
      cpuShare: 0.012,
      stop: () => {
        log("info", "Stop CRI service");
        this.running = false;
        this.fs.rmSync(CONTAINERD_SOCKET, { force: true });
        this.fs.rmSync(`${CONTAINERD_SOCKET}.ttrpc`, { force: true });
        log("info", "Event monitor stopped");
        log("info", "Stream server stopped");
      },
    };
  };

  // ---- the CRI surface (what the kubelet and crictl call) ----

  /** Dial like a gRPC client: fails when the socket is missing or nobody listens on it. */
  dial(endpoint: string): void {
    if (!this.fs.existsSync(socketPath(endpoint))) throw new CriDialError(dialError(endpoint));
    if (!this.running || socketPath(endpoint) !== CONTAINERD_SOCKET) {
      throw new CriDialError(dialError(endpoint).replace("no such file or directory", "connection refused"));
    }
  }

  /** CRI Status: RuntimeReady and NetworkReady. */
  status(): { runtimeReady: boolean; networkReady: boolean } {
    return { runtimeReady: this.running, networkReady: this.cni.networkReady() };
  }

  addImage(ref: string, sizeBytes: number): Image {
    const existing = this.images.get(ref);
    if (existing) return existing;
    const repo = ref.replace(/:[^:/]+$/, "");
    const image: Image = {
      ref,
      id: this.ids.hex64(`image-id:${ref}`),
      digest: `${repo}@sha256:${this.ids.hex64(`image-digest:${ref}`)}`,
      sizeBytes,
    };
    this.images.set(ref, image);
    return image;
  }

  runPodSandbox(config: SandboxConfig): PodSandbox {
    const cfg = this.config as ContainerdConfig;
    const id = this.ids.hex64(`sandbox:${config.namespace}/${config.name}`);
    // The CRI plugin pulls the sandbox (pause) image on first use.
    this.addImage(cfg.sandboxImage, 299_513);
    // One shim per pod, in containerd.service's cgroup: with KillMode=process it outlives
    // a containerd restart, and so do the pod's processes.
    const shim = this.procs.spawn(
      ["/usr/bin/containerd-shim-runc-v2", "-namespace", "k8s.io", "-id", id, "-address", CONTAINERD_SOCKET],
      "/system.slice/containerd.service",
    );
    const cgroup = `${config.cgroupParent}/cri-containerd-${id}.scope`;
    const proc = this.procs.spawn(["/pause"], cgroup, { user: "65535", ppid: shim.pid });
    const sandbox: PodSandbox = {
      id,
      name: config.name,
      namespace: config.namespace,
      uid: config.uid,
      attempt: config.attempt,
      state: "SANDBOX_READY",
      createdAt: this.clock.now(),
      hostNetwork: config.hostNetwork,
      cgroupParent: config.cgroupParent,
      pid: proc.pid,
      labels: {
        "io.kubernetes.pod.name": config.name,
        "io.kubernetes.pod.namespace": config.namespace,
        "io.kubernetes.pod.uid": config.uid,
        ...config.labels,
      },
    };
    if (!config.hostNetwork) {
      try {
        const attachment = this.cni.add(id);
        sandbox.ip = attachment.ip;
        sandbox.netns = attachment.netns;
        this.fs.writeFileSync(`/var/run/netns/${attachment.netns}`, "", 0o444);
      } catch (e) {
        this.procs.exit(proc.pid);
        throw new Error(
          `failed to setup network for sandbox "${id}": plugin type="azure-vnet" failed (add): ${(e as Error).message}`,
        );
      }
    }
    this.sandboxes.set(id, sandbox);
    return sandbox;
  }

  createContainer(sandboxId: string, config: ContainerConfig): ContainerRecord {
    const sandbox = this.sandboxes.get(sandboxId);
    if (!sandbox) throw new Error(`failed to get sandbox "${sandboxId}": not found`);
    const image = this.images.get(config.image);
    if (!image) throw new Error(`failed to get image "${config.image}": not found`);
    const id = this.ids.hex64(`container:${sandbox.namespace}/${sandbox.name}/${config.name}/${config.attempt}`);
    const podDir = `/var/log/pods/${sandbox.namespace}_${sandbox.name}_${sandbox.uid}`;
    const logPath = `${podDir}/${config.name}/${config.attempt}.log`;
    const record: ContainerRecord = {
      id,
      sandboxId,
      name: config.name,
      attempt: config.attempt,
      image: image.ref,
      imageId: image.id,
      state: "CONTAINER_CREATED",
      createdAt: this.clock.now(),
      logPath,
      labels: {
        "io.kubernetes.container.name": config.name,
        "io.kubernetes.pod.name": sandbox.name,
        "io.kubernetes.pod.namespace": sandbox.namespace,
        "io.kubernetes.pod.uid": sandbox.uid,
        ...config.labels,
      },
    };
    this.containers.set(id, record);
    this.fs.writeFileSync(logPath, "", 0o640);
    this.fs.symlinkSync(logPath, `/var/log/containers/${sandbox.name}_${sandbox.namespace}_${config.name}-${id}.log`);
    return record;
  }

  startContainer(id: string): void {
    const c = this.containers.get(id);
    if (!c) throw new Error(`container "${id}" not found`);
    const sandbox = this.sandboxes.get(c.sandboxId) as PodSandbox;
    const cgroup = `${sandbox.cgroupParent}/cri-containerd-${id}.scope`;
    // runc starts the process as a child of the pod's shim, which is the pause process's parent.
    const shimPid = this.procs.get(sandbox.pid)?.ppid;
    const argv = this.commands.get(c.image) ?? [c.name];
    c.pid = this.procs.spawn([...argv], cgroup, {
      ppid: shimPid,
      // Killed from outside: the shim reaps it and containerd records the exit, 128 + signal.
      onSignal: (signal) => this.containerExited(id, 128 + signalNumber(signal), "Error"),
    }).pid;
    c.state = "CONTAINER_RUNNING";
    c.startedAt = this.clock.now();
    for (const line of this.startupLogs.get(c.image) ?? []) this.writeLog(c, "stderr", line);
  }

  /** The container's process ended: CONTAINER_EXITED with its exit code (what the kubelet then sees). */
  containerExited(id: string, exitCode: number, reason: string): void {
    const c = this.containers.get(id);
    if (c?.state !== "CONTAINER_RUNNING") return;
    if (c.pid !== undefined) this.procs.exit(c.pid);
    c.pid = undefined;
    c.state = "CONTAINER_EXITED";
    c.exitCode = exitCode;
    c.reason = reason;
    c.finishedAt = this.clock.now();
  }

  /** CRI log format: `<RFC3339Nano> <stream> <F|P> <text>` (kubelet pkg/kubelet/kuberuntime/logs). */
  writeLog(c: ContainerRecord, stream: "stdout" | "stderr", text: string): void {
    this.fs.appendFileSync(c.logPath, `${rfc3339Nano(this.clock.now() * 1000)} ${stream} F ${text}\n`);
  }

  listPodSandboxes(): PodSandbox[] {
    return [...this.sandboxes.values()].sort((a, b) => b.createdAt - a.createdAt);
  }

  listContainers(): ContainerRecord[] {
    return [...this.containers.values()].sort((a, b) => b.createdAt - a.createdAt);
  }
}
