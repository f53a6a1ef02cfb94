/**
 * The node as the page's diagram draws it: a small, serialisable picture of the live state,
 * computed in the worker (node-view.ts) and posted to the page whenever it changes. Every part
 * carries the words the node's own tools would use for its state (`inactive (dead)`,
 * `CrashLoopBackOff`, `NotReady`), so the diagram, its tooltips and screen readers say the same.
 */

/**
 * How a part is doing, for the drawing (colour and shape): running as it should; on its way
 * (starting, creating, restarting); broken; or deliberately off (stopped, completed).
 */
export type Health = "ok" | "progress" | "failed" | "stopped";

/** The course's names for the node's parts (lesson frontmatter `component`): a click opens that lesson. */
export type PartComponent =
  | "node"
  | "os"
  | "systemd"
  | "kubelet"
  | "containerd"
  | "kube-proxy"
  | "cni"
  | "pod-infrastructure"
  | "agents";

export interface UnitPart {
  /** `kubelet.service`, `snapshot-update.timer`. */
  name: string;
  /** systemctl's `ActiveState (SubState)`: `active (running)`, `inactive (dead)`, `activating (auto-restart)`. */
  state: string;
  health: Health;
  component: PartComponent;
}

export interface ContainerPart {
  name: string;
  /**
   * What the container is doing, in kubectl's and crictl's words: `Running`, `Exited (1)`,
   * `Created`, or the kubelet's waiting reason (`CrashLoopBackOff`, `ContainerCreating`).
   */
  state: string;
  health: Health;
  /** containerd's attempt of the newest container (the restart count), 0 before the first. */
  attempt: number;
}

export interface PodPart {
  namespace: string;
  name: string;
  /** kubectl get pods' STATUS column (`Running`, `CrashLoopBackOff`, `ContainerCreating`, `Init:0/1`). */
  status: string;
  /** READY: ready containers / containers. */
  ready: string;
  health: Health;
  /** kube-proxy's own pod, a monitoring or security agent, or any other pod. */
  role: "kube-proxy" | "agent" | "pod";
  hostNetwork: boolean;
  ip?: string;
  /** The pause container holding the pod's namespaces: its sandbox `Ready`, `NotReady`, or `none` yet. */
  pause: { state: "Ready" | "NotReady" | "none"; health: Health };
  /** The host end of the pod's veth pair (`azv` + 11 hex), when it has its own network namespace. */
  veth?: string;
  containers: ContainerPart[];
}

export interface NodeView {
  hostname: string;
  /** PRETTY_NAME of /etc/os-release and `uname -r`. */
  os: { name: string; kernel: string };
  /** The Node object's Ready condition: `Ready`, or `NotReady` with the condition's reason and message. */
  ready: { state: "Ready" | "NotReady"; status: string; reason: string; message: string; health: Health };
  /** The systemd units that matter to the node, kubelet and containerd first. */
  units: UnitPart[];
  /** containerd's shims: one `containerd-shim-runc-v2` per pod sandbox, in containerd.service's cgroup. */
  shims: number;
  /** The CNI network config the runtime loads from /etc/cni/net.d, or why none loads. */
  cni: { state: "loaded" | "missing" | "invalid"; file?: string; plugin?: string; error?: string; health: Health };
  /** eth0 on the node subnet and how many pod veths (`azv*`) the host namespace holds. */
  network: { eth0: { address: string; state: string }; veths: number };
  pods: PodPart[];
}
