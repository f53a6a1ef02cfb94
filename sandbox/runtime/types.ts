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
}
