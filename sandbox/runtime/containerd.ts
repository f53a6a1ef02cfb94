/**
 * containerd 1.7 with its CRI plugin: images, pod sandboxes (a pause container holding the
 * pod's network namespace), containers, and their logs under /var/log/pods. The daemon runs
 * as containerd.service; while it is down the socket is gone and every CRI call fails, but
 * containers keep running in their shims (KillMode=process), as on a real node.
 */

import type { SimClock } from "../clock";
import type { AzureVnetCni } from "../cni/azure-vnet";
import { type NodeFs, S_IFSOCK } from "../node/fs";
import type { Journal } from "../node/journal";
import type { NetworkStack } from "../node/net/stack";
import type { ProcessTable } from "../node/processes";
import { type Program, signalNumber } from "../node/systemd/programs";
import type { IdSource } from "../util/ids";
import { sha256Hex } from "../util/sha256";
import { rfc3339Nano } from "../util/time-format";
import { containerCapabilities, type SecurityContext } from "./capabilities";
import { type ContainerdConfig, readContainerdConfig } from "./config";
import { CriCallError, CriDialError, dialError, socketPath } from "./cri";
import { type ExecOutput, ExecStartError, runInContainer } from "./exec";
import { killMemcgOom } from "./oom";
import { normalizeRef } from "./reference";
import type {
  ContainerProgram,
  ContainerRecord,
  CriMount,
  DnsConfig,
  Image,
  ImageBehaviour,
  PodSandbox,
} from "./types";

/** logrus's text formatter quotes a value with Go's %q rules: backslashes and quotes escaped. */
const logfmtEscape = (s: string) => s.replace(/\\/g, "\\\\").replace(/"/g, '\\"');

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
  dns?: DnsConfig;
}

export interface ContainerConfig {
  name: string;
  image: string;
  attempt: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** LinuxContainerResources.memory_limit_in_bytes (0: none) and oom_score_adj. */
  memoryLimitBytes?: number;
  oomScoreAdj?: number;
  /** command + args from the pod spec, when it overrides the image's entrypoint. */
  argv?: string[];
  mounts?: CriMount[];
  /** The container's securityContext: privileged, capabilities add/drop. */
  securityContext?: SecurityContext;
  /** Environment from the pod spec, `NAME=value`, resolved by the kubelet. */
  env?: string[];
}

/** containerd's /tasks/exit event, as a CRI client's event stream delivers it. */
export type ContainerExitListener = (c: ContainerRecord) => void;

export class Containerd {
  /** Images in the content store, by normalised reference. */
  readonly images = new Map<string, Image>();
  readonly sandboxes = new Map<string, PodSandbox>();
  readonly containers = new Map<string, ContainerRecord>();
  private running = false;
  readonly version = CONTAINERD_VERSION;
  /**
   * Bumped whenever a sandbox or container is added, removed or changes state, so a client
   * (the kubelet's pod workers) can tell that its last listing still holds without listing again.
   */
  generation = 0;
  /** What each image's process prints when it starts (scenario data). */
  readonly startupLogs = new Map<string, string[]>();
  /** The command line each image's process runs with (scenario data); else the container's name. */
  readonly commands = new Map<string, string[]>();
  /** What a container of each image does (scenario data); an image not listed keeps running. */
  readonly behaviours = new Map<string, ImageBehaviour>();
  /**
   * Programs that run inside containers of an image, by reference or by repository (any
   * tag): the kube-proxy binary in the kube-proxy image, registered by whoever models it.
   */
  readonly programs = new Map<string, ContainerProgram>();
  private readonly inContainer = new Map<string, { stop(): void }>();
  /** What the registries out there serve: normalised reference -> size in bytes (scenario data). */
  readonly registry = new Map<string, number>();
  private readonly timers = new Map<string, number[]>();
  private readonly exitListeners = new Set<ContainerExitListener>();
  private readonly sandboxListeners = new Set<(s: PodSandbox) => void>();
  private readonly logListeners = new Set<(c: ContainerRecord, line: string) => void>();
  config?: ContainerdConfig;
  /** The running daemon's journal, for the CRI plugin's own lines; unset while containerd is down. */
  private criLog?: (level: "info" | "error", msg: string, error?: string) => void;

  constructor(
    private readonly fs: NodeFs,
    private readonly clock: SimClock,
    private readonly procs: ProcessTable,
    private readonly ids: IdSource,
    private readonly cni: AzureVnetCni,
    private readonly journal?: Journal,
    /** The kernel's namespaces: the CRI plugin makes one per pod (pkg/netns) before CNI ADD. */
    private readonly net?: NetworkStack,
  ) {}

  /** The daemon, as systemd runs it from /usr/bin/containerd (Type=notify). */
  readonly program: Program = (ctx) => {
    const log = (level: string, msg: string, extra = "") =>
      ctx.log(`time="${rfc3339Nano(this.clock.now() * 1000)}" level=${level} msg="${msg}"${extra}`);
    // What the CRI plugin logs while it serves (logrus text: values quoted with Go escaping).
    this.criLog = (level, msg, error) =>
      log(level, logfmtEscape(msg), error === undefined ? "" : ` error="${logfmtEscape(error)}"`);
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
    const cniLoad = this.cni.loadStatus();
    if (!cniLoad.ok) {
      log(
        "error",
        "failed to load cni during init, please check CRI plugin status before setting up network for pods",
        ` error="${logfmtEscape(cniLoad.error)}"`,
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
        this.criLog = undefined;
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
    // The PLEG dials every simulated second: while no file changed since the last good dial
    // to this endpoint, and containerd still runs, the socket is still there.
    if (this.running && this.lastGoodDial?.endpoint === endpoint && this.lastGoodDial.fs === this.fs.generation) return;
    if (!this.fs.existsSync(socketPath(endpoint))) throw new CriDialError(dialError(endpoint));
    if (!this.running || socketPath(endpoint) !== CONTAINERD_SOCKET) {
      throw new CriDialError(dialError(endpoint).replace("no such file or directory", "connection refused"));
    }
    this.lastGoodDial = { endpoint, fs: this.fs.generation };
  }

  private lastGoodDial?: { endpoint: string; fs: number };

  /** CRI Status: RuntimeReady and NetworkReady. */
  status(): { runtimeReady: boolean; networkReady: boolean } {
    return { runtimeReady: this.running, networkReady: this.cni.networkReady() };
  }

  /** Subscribe to container exits (the kubelet's PLEG learns of them this way); returns unsubscribe. */
  onContainerExit(fn: ContainerExitListener): () => void {
    this.exitListeners.add(fn);
    return () => this.exitListeners.delete(fn);
  }

  /** Subscribe to every line written to a container's CRI log (what `crictl logs -f` follows). */
  onContainerLog(fn: (c: ContainerRecord, line: string) => void): () => void {
    this.logListeners.add(fn);
    return () => this.logListeners.delete(fn);
  }

  /** An image already in the content store (node image cache or a past pull). */
  addImage(ref: string, sizeBytes: number): Image {
    const name = normalizeRef(ref);
    const existing = this.images.get(name);
    if (existing) return existing;
    const repo = name.replace(/:[^:/]+$/, "");
    const image: Image = {
      ref: name,
      id: this.ids.hex64(`image-id:${name}`),
      digest: `${repo}@sha256:${this.ids.hex64(`image-digest:${name}`)}`,
      sizeBytes,
    };
    this.images.set(name, image);
    return image;
  }

  /** CRI ImageStatus: the local image for a reference, if any. */
  imageStatus(ref: string): Image | undefined {
    return this.images.get(normalizeRef(ref));
  }

  /**
   * CRI PullImage. A reference the registry does not serve fails as containerd 1.7's
   * pkg/cri/server/image_pull.go wraps the resolver's error (remotes/docker/resolver.go:
   * `<ref>: not found`), with gRPC code NotFound.
   */
  pullImage(ref: string): Image {
    const name = normalizeRef(ref);
    const size = this.registry.get(name);
    this.criLog?.("info", `PullImage "${ref}"`);
    if (size === undefined) {
      const desc = `failed to pull and unpack image "${name}": failed to resolve reference "${name}": ${name}: not found`;
      this.criLog?.("error", `PullImage "${ref}" failed`, desc);
      throw new CriCallError("NotFound", desc);
    }
    const image = this.addImage(name, size);
    this.criLog?.("info", `PullImage "${ref}" returns image reference "sha256:${image.id}"`);
    return image;
  }

  /** CRI RemoveImage. */
  removeImage(ref: string): void {
    this.images.delete(normalizeRef(ref));
  }

  /** The sandbox image from config.toml, pulled on first use (pkg/cri/server/sandbox_run.go). */
  private ensureSandboxImage(): Image {
    const ref = (this.config as ContainerdConfig).sandboxImage;
    const local = this.imageStatus(ref);
    if (local) return local;
    try {
      return this.pullImage(ref);
    } catch (e) {
      const desc = e instanceof CriCallError ? e.desc : (e as Error).message;
      throw new Error(`failed to get sandbox image "${ref}": failed to pull image "${ref}": ${desc}`);
    }
  }

  runPodSandbox(config: SandboxConfig): PodSandbox {
    const label = `sandbox:${config.namespace}/${config.name}${config.attempt ? `/${config.uid}/${config.attempt}` : ""}`;
    try {
      this.ensureSandboxImage();
    } catch (e) {
      this.criLog?.(
        "error",
        `RunPodSandbox for &PodSandboxMetadata{Name:${config.name},Uid:${config.uid},Namespace:${config.namespace},Attempt:${config.attempt},} failed, error`,
        (e as Error).message,
      );
      throw e;
    }
    const id = this.ids.hex64(label);
    // One shim per pod, in containerd.service's cgroup: with KillMode=process it outlives
    // a containerd restart, and so do the pod's processes.
    const shim = this.procs.spawn(
      ["/usr/bin/containerd-shim-runc-v2", "-namespace", "k8s.io", "-id", id, "-address", CONTAINERD_SOCKET],
      "/system.slice/containerd.service",
    );
    const cgroup = `${config.cgroupParent}/cri-containerd-${id}.scope`;
    // The pause process holds the pod's namespaces; killed, the sandbox is NotReady (the shim
    // reports the task exit) and the kubelet must create a new one.
    const proc = this.procs.spawn(["/pause"], cgroup, {
      user: "65535",
      ppid: shim.pid,
      onSignal: () => this.sandboxExited(id),
    });
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
      ...(config.dns ? { dns: config.dns } : {}),
      labels: {
        "io.kubernetes.pod.name": config.name,
        "io.kubernetes.pod.namespace": config.namespace,
        "io.kubernetes.pod.uid": config.uid,
        ...config.labels,
      },
    };
    if (!config.hostNetwork) {
      // sandbox_run.go: a new network namespace bind-mounted at /var/run/netns/cni-<uuid>,
      // then CNI ADD into it; on failure both are undone and the error wrapped.
      const netns = netnsName(id);
      sandbox.netns = netns;
      this.net?.createNamespace(netns);
      this.fs.writeFileSync(`/var/run/netns/${netns}`, "", 0o444);
      try {
        sandbox.ip = this.cni.add(cniArgs(sandbox)).ip;
      } catch (e) {
        if ((e as Error).message.startsWith("plugin type=")) this.cni.del(cniArgs(sandbox));
        this.removeNetns(netns);
        this.procs.exit(proc.pid);
        this.procs.exit(shim.pid);
        throw new Error(`failed to setup network for sandbox "${id}": ${(e as Error).message}`);
      }
    }
    this.sandboxes.set(id, sandbox);
    this.generation++;
    return sandbox;
  }

  /** The sandbox's pause process died: NotReady, its network torn down; the kubelet hears of it. */
  private sandboxExited(id: string): void {
    const sandbox = this.sandboxes.get(id);
    if (sandbox?.state !== "SANDBOX_READY") return;
    this.procs.exit(sandbox.pid);
    this.teardownNetwork(sandbox);
    sandbox.state = "SANDBOX_NOTREADY";
    this.generation++;
    for (const fn of this.sandboxListeners) fn(sandbox);
  }

  /** CNI DEL, then the namespace goes (and with it the pod's veth and the host end). */
  private teardownNetwork(sandbox: PodSandbox): void {
    if (!sandbox.netns) return;
    this.cni.del(cniArgs(sandbox));
    this.removeNetns(sandbox.netns);
  }

  private removeNetns(netns: string): void {
    this.net?.deleteNamespace(netns);
    this.fs.rmSync(`/var/run/netns/${netns}`, { force: true });
  }

  /** Subscribe to sandboxes dying on their own (PLEG sees the pod's sandbox change). */
  onSandboxExit(fn: (s: PodSandbox) => void): () => void {
    this.sandboxListeners.add(fn);
    return () => this.sandboxListeners.delete(fn);
  }

  /** CRI StopPodSandbox: kill its containers (no grace: the kubelet has stopped them already), CNI DEL. */
  stopPodSandbox(id: string): void {
    const sandbox = this.sandboxes.get(id);
    if (!sandbox) throw new CriCallError("NotFound", `an error occurred when try to find sandbox "${id}": not found`);
    for (const c of this.containers.values())
      if (c.sandboxId === id && c.state === "CONTAINER_RUNNING") this.stopContainer(c.id, 0);
    if (sandbox.state === "SANDBOX_READY") {
      this.procs.exit(sandbox.pid);
      this.teardownNetwork(sandbox);
      sandbox.state = "SANDBOX_NOTREADY";
      this.generation++;
    }
  }

  /** CRI RemovePodSandbox: stop it, remove its containers, and let its shim go. */
  removePodSandbox(id: string): void {
    const sandbox = this.sandboxes.get(id);
    if (!sandbox) return;
    this.stopPodSandbox(id);
    for (const c of [...this.containers.values()]) if (c.sandboxId === id) this.removeContainer(c.id);
    const shim = this.procs.all().find((p) => p.argv[0]?.endsWith("containerd-shim-runc-v2") && p.argv[4] === id);
    if (shim) this.procs.exit(shim.pid);
    this.sandboxes.delete(id);
    this.generation++;
  }

  createContainer(sandboxId: string, config: ContainerConfig): ContainerRecord {
    const sandbox = this.sandboxes.get(sandboxId);
    if (!sandbox) throw new Error(`failed to get sandbox "${sandboxId}": not found`);
    const image = this.imageStatus(config.image);
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
      annotations: { ...config.annotations },
      memoryLimitBytes: config.memoryLimitBytes ?? 0,
      oomScoreAdj: config.oomScoreAdj ?? 0,
      privileged: config.securityContext?.privileged === true,
      env: config.env ?? [],
      capabilities: containerCapabilities(config.securityContext),
      argv: config.argv,
      mounts: config.mounts ?? [],
    };
    this.containers.set(id, record);
    this.generation++;
    this.fs.writeFileSync(logPath, "", 0o640);
    this.fs.symlinkSync(logPath, `/var/log/containers/${sandbox.name}_${sandbox.namespace}_${config.name}-${id}.log`);
    return record;
  }

  startContainer(id: string): void {
    const c = this.containers.get(id);
    if (!c) throw new CriCallError("NotFound", `an error occurred when try to find container "${id}": not found`);
    const sandbox = this.sandboxes.get(c.sandboxId) as PodSandbox;
    const cgroup = `${sandbox.cgroupParent}/cri-containerd-${id}.scope`;
    // runc starts the process as a child of the pod's shim, which is the pause process's parent.
    const shimPid = this.procs.get(sandbox.pid)?.ppid;
    const argv = c.argv ?? this.commands.get(c.image) ?? [c.name];
    const behaviour = this.behaviours.get(c.image) ?? {};
    c.pid = this.procs.spawn([...argv], cgroup, {
      ppid: shimPid,
      // A signal from outside: the process dies of it (128 + n) unless it handles SIGTERM
      // and exits cleanly; the shim reaps it and containerd records the exit.
      onSignal: (signal) => {
        const code =
          signal === "TERM" && behaviour.termExitCode !== undefined
            ? behaviour.termExitCode
            : 128 + signalNumber(signal);
        this.containerExited(id, code, code === 0 ? "Completed" : "Error");
      },
    }).pid;
    c.state = "CONTAINER_RUNNING";
    this.generation++;
    c.startedAt = this.clock.now();
    for (const line of this.startupLogs.get(c.image) ?? []) this.writeLog(c, "stderr", line);
    for (const line of behaviour.logs ?? []) this.writeLog(c, line.stream, this.expand(line.text));
    this.runBehaviour(c, behaviour);
    const program = this.programs.get(c.image) ?? this.programs.get(c.image.replace(/:[^:/]+$/, ""));
    if (program) {
      this.inContainer.set(
        id,
        program({ container: c, argv, log: (line, stream = "stderr") => this.writeLog(c, stream, line) }),
      );
    }
  }

  /** What the process does on its own, on the simulated clock. */
  private runBehaviour(c: ContainerRecord, behaviour: ImageBehaviour): void {
    const timers: number[] = [];
    const { memory, exit } = behaviour;
    if (memory && c.memoryLimitBytes > 0 && memory.mib * 1024 * 1024 > c.memoryLimitBytes) {
      timers.push(
        this.clock.setTimeout(() => {
          const sandbox = this.sandboxes.get(c.sandboxId) as PodSandbox;
          if (this.journal && c.pid !== undefined) {
            const proc = this.procs.get(c.pid);
            killMemcgOom(this.journal, {
              pid: c.pid,
              comm: (proc?.argv[0] ?? c.name).split("/").pop() ?? c.name,
              cgroup: `${sandbox.cgroupParent}/cri-containerd-${c.id}.scope`,
              limitBytes: c.memoryLimitBytes,
              oomScoreAdj: c.oomScoreAdj,
            });
          }
          // pkg/cri/server/events.go: the shim's TaskOOM event, then the exit.
          this.criLog?.("info", `TaskOOM event container_id:"${c.id}"`);
          this.containerExited(c.id, 137, "OOMKilled");
        }, memory.afterSeconds * 1000),
      );
    }
    if (exit) {
      timers.push(
        this.clock.setTimeout(() => {
          for (const line of behaviour.exitLogs ?? []) this.writeLog(c, line.stream, this.expand(line.text));
          this.containerExited(c.id, exit.code, exit.code === 0 ? "Completed" : "Error");
        }, exit.afterSeconds * 1000),
      );
    }
    // The image decides from its environment what to run (ama-logs' main.sh branches on
    // CONTROLLER_TYPE / CONTAINER_TYPE), so one image can tail in one container and not another.
    const tails = behaviour.tails;
    if (tails && (!tails.whenEnv || c.env.includes(tails.whenEnv))) {
      timers.push(this.tailLogs(c, tails.dir, tails.refreshSeconds));
    }
    if (timers.length) this.timers.set(c.id, timers);
  }

  /**
   * fluent-bit's tail input (plugins/in_tail): a watch per matching file, logged as
   * `inotify_fs_add(): inode=... watch_fd=... name=...` when picked up and
   * `inotify_fs_remove(): inode=... watch_fd=...` when the file goes, rescanned every
   * Refresh_Interval. Returns the rescan timer.
   */
  private tailLogs(c: ContainerRecord, dir: string, refreshSeconds: number): number {
    const watched = new Map<string, number>();
    let nextFd = 1;
    // A stable inode per path; not from the IdSource, whose sequence names every other object.
    const inode = (path: string) => 1_048_576 + (Number.parseInt(sha256Hex(`inode:${path}`).slice(0, 6), 16) % 917_504);
    const line = (text: string) =>
      this.writeLog(c, "stdout", this.expand(`[{localtime}] [ info] [input:tail:tail.0] ${text}`));
    // The directory's entries as of the last rescan: unchanged entries add and remove nothing.
    let scanned: string | undefined;
    const scan = () => {
      const isDir = this.fs.isDirectorySync(dir);
      const version = `${isDir}:${this.fs.directoryVersion(dir)}`;
      if (version === scanned) return;
      scanned = version;
      const names = isDir ? this.fs.readdirSync(dir).filter((n) => n.endsWith(".log")) : [];
      for (const name of names) {
        const path = `${dir}/${name}`;
        if (watched.has(path)) continue;
        watched.set(path, nextFd);
        line(`inotify_fs_add(): inode=${inode(path)} watch_fd=${nextFd++} name=${path}`);
      }
      for (const [path, fd] of watched) {
        if (names.includes(path.slice(dir.length + 1))) continue;
        watched.delete(path);
        line(`inotify_fs_remove(): inode=${inode(path)} watch_fd=${fd}`);
      }
    };
    scan();
    return this.clock.setInterval(scan, refreshSeconds * 1000);
  }

  private execs = 0;

  /**
   * CRI Exec / ExecSync (container_exec.go, container_execsync.go): the container is found by
   * ID or unique prefix and must be running; runc then starts the process in it. A process
   * runc cannot start fails with the `failed to start exec` chain (ExecStartError).
   */
  exec(idOrPrefix: string, argv: string[], stdin = ""): ExecOutput {
    const matches = idOrPrefix ? [...this.containers.keys()].filter((id) => id.startsWith(idOrPrefix)) : [];
    const where = `failed to find container "${idOrPrefix}" in store`;
    if (matches.length > 1) {
      throw new CriCallError("Unknown", `${where}: multiple IDs found with provided prefix: ${idOrPrefix}`);
    }
    const c = matches[0] ? this.containers.get(matches[0]) : undefined;
    if (!c) throw new CriCallError("NotFound", `${where}: not found`);
    if (c.state !== "CONTAINER_RUNNING") throw new CriCallError("Unknown", `container is in ${c.state} state`);
    // An exec ID is random on a real node; derived here, not drawn from the IdSource.
    const execId = sha256Hex(`exec:${c.id}:${this.clock.now()}:${this.execs++}`);
    const hostname = this.fs.tryReadFileSync("/etc/hostname")?.trim() ?? "";
    try {
      return runInContainer(
        this.fs,
        c,
        this.sandboxes.get(c.sandboxId),
        hostname,
        this.behaviours.get(c.image) ?? {},
        argv,
        c.argv ?? this.commands.get(c.image) ?? [c.name],
        stdin,
      );
    } catch (e) {
      if (!(e instanceof ExecStartError)) throw e;
      throw new ExecStartError(
        `failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: ${e.message}: unknown`,
      );
    }
  }

  /** CRI Attach: the running container's own output streams (container_attach.go). */
  attachable(idOrPrefix: string): ContainerRecord {
    const matches = idOrPrefix ? [...this.containers.keys()].filter((id) => id.startsWith(idOrPrefix)) : [];
    const c = matches.length === 1 ? this.containers.get(matches[0] as string) : undefined;
    if (!c) throw new CriCallError("NotFound", "failed to find container in store: not found");
    if (c.state !== "CONTAINER_RUNNING") throw new CriCallError("Unknown", `container is in ${c.state} state`);
    return c;
  }

  /** CRI StopContainer: SIGTERM, or SIGKILL with a zero timeout (crictl stop -t 0, StopPodSandbox). */
  stopContainer(id: string, timeoutSeconds = 30): void {
    const c = this.containers.get(id);
    if (!c) throw new CriCallError("NotFound", `an error occurred when try to find container "${id}": not found`);
    if (c.state !== "CONTAINER_RUNNING" || c.pid === undefined) return;
    this.procs.signal(c.pid, timeoutSeconds === 0 ? "KILL" : "TERM");
  }

  /** CRI RemoveContainer; a running one is refused (pkg/cri/server/container_remove.go). */
  removeContainer(id: string): void {
    const c = this.containers.get(id);
    if (!c) return;
    if (c.state === "CONTAINER_RUNNING") {
      throw new CriCallError(
        "Unknown",
        `failed to set removing state for container "${id}": container is still running, to stop first`,
      );
    }
    this.containers.delete(id);
    this.generation++;
    const sandbox = this.sandboxes.get(c.sandboxId);
    if (sandbox) {
      this.fs.rmSync(`/var/log/containers/${sandbox.name}_${sandbox.namespace}_${c.name}-${id}.log`, {
        force: true,
      });
    }
  }

  /** The container's process ended: CONTAINER_EXITED with its exit code (what the kubelet then sees). */
  containerExited(id: string, exitCode: number, reason: string): void {
    const c = this.containers.get(id);
    if (c?.state !== "CONTAINER_RUNNING") return;
    for (const t of this.timers.get(id) ?? []) this.clock.clearTimer(t);
    this.timers.delete(id);
    this.inContainer.get(id)?.stop();
    this.inContainer.delete(id);
    if (c.pid !== undefined) this.procs.exit(c.pid);
    c.pid = undefined;
    c.state = "CONTAINER_EXITED";
    this.generation++;
    c.exitCode = exitCode;
    c.reason = reason;
    c.finishedAt = this.clock.now();
    for (const fn of this.exitListeners) fn(c);
  }

  private expand(text: string): string {
    const iso = new Date(this.clock.now()).toISOString();
    return text.replace(/\{localtime\}/g, `${iso.slice(0, 10).replace(/-/g, "/")} ${iso.slice(11, 19)}`);
  }

  /** CRI log format: `<RFC3339Nano> <stream> <F|P> <text>` (kubelet pkg/kubelet/kuberuntime/logs). */
  writeLog(c: ContainerRecord, stream: "stdout" | "stderr", text: string): void {
    const line = `${rfc3339Nano(this.clock.now() * 1000)} ${stream} F ${text}`;
    this.fs.appendFileSync(c.logPath, `${line}\n`);
    for (const fn of this.logListeners) fn(c, line);
  }

  listPodSandboxes(): PodSandbox[] {
    // Newest first; within one simulated millisecond, the later one first (real ones differ in ns).
    return [...this.sandboxes.values()].reverse().sort((a, b) => b.createdAt - a.createdAt);
  }

  listContainers(): ContainerRecord[] {
    return [...this.containers.values()].reverse().sort((a, b) => b.createdAt - a.createdAt);
  }
}

/** pkg/netns: `cni-` + 16 random bytes as 8-4-4-4-12 hex (here derived from the sandbox ID). */
function netnsName(sandboxId: string): string {
  const h = sha256Hex(`netns:${sandboxId}`);
  return `cni-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The CNI arguments the CRI plugin passes for a sandbox. */
function cniArgs(sandbox: PodSandbox) {
  return {
    containerId: sandbox.id,
    netnsPath: `/var/run/netns/${sandbox.netns}`,
    podName: sandbox.name,
    podNamespace: sandbox.namespace,
    podUid: sandbox.uid,
  };
}
