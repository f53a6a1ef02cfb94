import type { HttpRequest, HttpResponse } from "../node/net/listeners";

/** containerd's CRI-side records (the fields crictl shows; cri-api runtime/v1). */
export interface Image {
  /** `mcr.microsoft.com/oss/kubernetes/pause:3.6` */
  ref: string;
  /** sha256 hex of the image config (crictl's IMAGE ID, cut to 13). */
  id: string;
  /** Repo digest, `<repo>@sha256:<hex>`. */
  digest: string;
  sizeBytes: number;
}

/** CRI DNSConfig: what containerd writes to the sandbox's resolv.conf. */
export interface DnsConfig {
  servers: string[];
  searches: string[];
  options: string[];
}

export interface PodSandbox {
  id: string;
  name: string;
  namespace: string;
  uid: string;
  attempt: number;
  state: "SANDBOX_READY" | "SANDBOX_NOTREADY";
  createdAt: number;
  hostNetwork: boolean;
  cgroupParent: string;
  ip?: string;
  netns?: string;
  pid: number;
  labels: Record<string, string>;
  /** The kubelet's DNS config for the pod; undefined: the host's resolv.conf is copied. */
  dns?: DnsConfig;
}

export interface ContainerRecord {
  id: string;
  sandboxId: string;
  name: string;
  attempt: number;
  image: string;
  imageId: string;
  state: "CONTAINER_CREATED" | "CONTAINER_RUNNING" | "CONTAINER_EXITED" | "CONTAINER_UNKNOWN";
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  pid?: number;
  logPath: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** cgroup memory.max from the CRI's LinuxContainerResources, bytes; 0 = no limit. */
  memoryLimitBytes: number;
  oomScoreAdj: number;
  /** securityContext.privileged, and the capability names (no `CAP_`) the process runs with. */
  privileged: boolean;
  capabilities: string[];
  /** The pod spec's environment, `NAME=value`. */
  env: string[];
  /** The command line the kubelet gave (container command + args), else the image's entrypoint. */
  argv?: string[];
  /** CRI mounts the kubelet asked for (service-account token, /etc/hosts, termination log). */
  mounts: CriMount[];
}

export interface CriMount {
  containerPath: string;
  hostPath: string;
  readonly: boolean;
}

/**
 * What a container of an image does once started (scenario data, sandbox/scenarios/images.ts).
 * Times are seconds on the simulated clock.
 */
export interface ImageBehaviour {
  /** The process exits by itself with this code after `afterSeconds` (a batch job, a crash). */
  exit?: { code: number; afterSeconds: number };
  /** Resident memory it grows to, in MiB, `afterSeconds` after start; above the cgroup limit the kernel kills it. */
  memory?: { mib: number; afterSeconds: number };
  /** Exit code on SIGTERM: 0 for servers that shut down cleanly, 143 (the default action) otherwise. */
  termExitCode?: number;
  /**
   * What `exec` finds in the image: `distroless` images have no shell or tools at all (coredns,
   * metrics-server); `busybox` prints busybox's formats; the default is a Debian-like userland.
   */
  userland?: "distroless" | "busybox" | "debian";
  /** Lines it writes to its log when it starts, and right before it exits; `{localtime}` is `YYYY/MM/DD hh:mm:ss` (UTC). */
  logs?: { stream: "stdout" | "stderr"; text: string }[];
  exitLogs?: { stream: "stdout" | "stderr"; text: string }[];
  /**
   * It tails the log files of a host directory it has mounted, as fluent-bit's tail input does
   * in ama-logs for /var/log/containers: each file picked up (at start and every refresh) and
   * each file gone is a line in its log.
   */
  tails?: { dir: string; refreshSeconds: number; whenEnv?: string };
  /** HTTP servers its process runs, by TCP port, answering in the pod's network namespace. */
  serves?: PodServer[];
}

export interface PodServer {
  port: number;
  tls?: boolean;
  http(req: HttpRequest, now: number): HttpResponse;
}

/**
 * A program that runs inside a container while it runs (kube-proxy, ip-masq-agent): what
 * the image's binary does on the node. containerd starts it when the container starts and
 * stops it when the container's process ends, however that happens.
 */
export interface ContainerProgramContext {
  container: ContainerRecord;
  /** The process's command line (command + args, or the image's entrypoint). */
  argv: string[];
  /** A line on the container's stderr (where klog writes) or stdout. */
  log(line: string, stream?: "stdout" | "stderr"): void;
}

export type ContainerProgram = (ctx: ContainerProgramContext) => { stop(): void };
