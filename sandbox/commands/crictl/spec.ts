/**
 * containerd's verbose container info, the `info` half of `crictl inspect`
 * (pkg/cri/server/container_status.go ContainerInfo: sandboxID, pid, removing, snapshotKey,
 * snapshotter, runtimeType, runtimeOptions, config, runtimeSpec), with the CRI config and
 * the OCI runtime spec trimmed to the fields a learner looks at, in their real shapes.
 */
import { processEnv } from "../../runtime/exec";
import type { ContainerRecord, PodSandbox } from "../../runtime/types";
import type { World } from "../../world";

export function containerMounts(_world: World, c: ContainerRecord) {
  return c.mounts.map((m) => ({
    containerPath: m.containerPath,
    gidMappings: [],
    hostPath: m.hostPath,
    image: null,
    imageSubPath: "",
    propagation: "PROPAGATION_PRIVATE",
    readonly: m.readonly,
    recursiveReadOnly: false,
    selinuxRelabel: false,
    uidMappings: [],
  }));
}

/** The systemd cgroup driver's cgroupsPath: `<slice>:cri-containerd:<id>`. */
function cgroupsPath(sandbox: PodSandbox | undefined, id: string): string {
  const slice = sandbox?.cgroupParent.split("/").pop() ?? "kubepods.slice";
  return `${slice}:cri-containerd:${id}`;
}

export function containerInfo(world: World, c: ContainerRecord) {
  const sandbox = world.containerd.sandboxes.get(c.sandboxId);
  const argv = c.argv ?? world.containerd.commands.get(c.image) ?? [c.name];
  const env = processEnv(c, sandbox, world.hostname);
  const capNames = c.capabilities.map((cap) => `CAP_${cap}`);
  const memory = c.memoryLimitBytes ? { limit: c.memoryLimitBytes, swap: c.memoryLimitBytes } : {};
  return {
    sandboxID: c.sandboxId,
    pid: c.pid ?? 0,
    removing: false,
    snapshotKey: c.id,
    snapshotter: "overlayfs",
    runtimeType: "io.containerd.runc.v2",
    runtimeOptions: { systemd_cgroup: true },
    config: {
      metadata: { name: c.name, attempt: c.attempt },
      image: { image: c.image },
      envs: env.slice(2).map((e) => ({ key: e.split("=")[0], value: e.slice(e.indexOf("=") + 1) })),
      mounts: c.mounts.map((m) => ({
        container_path: m.containerPath,
        host_path: m.hostPath,
        ...(m.readonly ? { readonly: true } : {}),
      })),
      labels: c.labels,
      annotations: c.annotations,
      log_path: c.logPath.replace(/^.*\/([^/]+\/\d+\.log)$/, "$1"),
      linux: {
        resources: {
          cpu_period: 100000,
          cpu_shares: 2,
          ...(c.memoryLimitBytes ? { memory_limit_in_bytes: c.memoryLimitBytes } : {}),
          oom_score_adj: c.oomScoreAdj,
        },
        security_context: {
          ...(c.privileged ? { privileged: true } : {}),
          namespace_options: { pid: 1 },
          run_as_user: {},
          masked_paths: [],
          readonly_paths: [],
        },
      },
    },
    runtimeSpec: {
      ociVersion: "1.1.0",
      process: {
        user: { uid: 0, gid: 0, additionalGids: [0] },
        args: argv,
        env,
        cwd: "/",
        // From the container's securityContext (runtime/capabilities.ts); containerd 1.7 sets
        // bounding, effective and permitted, no longer inheritable.
        capabilities: { bounding: capNames, effective: capNames, permitted: capNames },
        // A privileged container runs unconfined: containerd applies no AppArmor profile.
        ...(c.privileged ? {} : { apparmorProfile: "cri-containerd.apparmor.d" }),
        oomScoreAdj: c.oomScoreAdj,
      },
      root: { path: "rootfs" },
      mounts: [
        { destination: "/proc", type: "proc", source: "proc", options: ["nosuid", "noexec", "nodev"] },
        ...c.mounts.map((m) => ({
          destination: m.containerPath,
          type: "bind",
          source: m.hostPath,
          options: ["rbind", "rprivate", m.readonly ? "ro" : "rw"],
        })),
      ],
      annotations: {
        "io.kubernetes.cri.container-name": c.name,
        "io.kubernetes.cri.container-type": "container",
        "io.kubernetes.cri.image-name": c.image,
        "io.kubernetes.cri.sandbox-id": c.sandboxId,
        "io.kubernetes.cri.sandbox-name": sandbox?.name ?? "",
        "io.kubernetes.cri.sandbox-namespace": sandbox?.namespace ?? "",
        "io.kubernetes.cri.sandbox-uid": sandbox?.uid ?? "",
      },
      linux: {
        resources: { memory, cpu: { shares: 2, period: 100000 } },
        cgroupsPath: cgroupsPath(sandbox, c.id),
        namespaces: [
          { type: "pid" },
          { type: "ipc", path: `/proc/${sandbox?.pid ?? 0}/ns/ipc` },
          { type: "uts", path: `/proc/${sandbox?.pid ?? 0}/ns/uts` },
          { type: "mount" },
          sandbox?.hostNetwork ? undefined : { type: "network", path: `/proc/${sandbox?.pid ?? 0}/ns/net` },
        ].filter(Boolean),
      },
    },
  };
}

/** containerd's verbose sandbox info (`crictl inspectp`'s info), trimmed. */
export function sandboxInfo(world: World, s: PodSandbox) {
  const image = world.containerd.config?.sandboxImage ?? "mcr.microsoft.com/oss/kubernetes/pause:3.6";
  return {
    pid: s.state === "SANDBOX_READY" ? s.pid : 0,
    processStatus: s.state === "SANDBOX_READY" ? "running" : "deleted",
    netNamespaceClosed: s.state !== "SANDBOX_READY",
    image,
    snapshotKey: s.id,
    snapshotter: "overlayfs",
    runtimeHandler: "",
    runtimeType: "io.containerd.runc.v2",
    runtimeOptions: { systemd_cgroup: true },
    config: {
      metadata: { name: s.name, uid: s.uid, namespace: s.namespace, attempt: s.attempt },
      hostname: s.hostNetwork ? world.hostname : s.name,
      log_directory: `/var/log/pods/${s.namespace}_${s.name}_${s.uid}`,
      // What the kubelet put in the CRI sandbox config (dns.go GetPodDNS), empty lists omitted as protobuf does.
      dns_config: Object.fromEntries(Object.entries(s.dns ?? {}).filter(([, v]) => v.length > 0)),
      labels: s.labels,
      linux: {
        cgroup_parent: s.cgroupParent.split("/").pop(),
        security_context: { namespace_options: s.hostNetwork ? { network: 2, pid: 1 } : { pid: 1 } },
      },
    },
    runtimeSpec: {
      ociVersion: "1.1.0",
      process: {
        user: { uid: 65535, gid: 65535, additionalGids: [65535] },
        args: ["/pause"],
        cwd: "/",
        oomScoreAdj: -998,
      },
      root: { path: "rootfs", readonly: true },
      linux: {
        cgroupsPath: `${s.cgroupParent.split("/").pop()}:cri-containerd:${s.id}`,
        namespaces: [
          { type: "pid" },
          { type: "ipc" },
          { type: "uts" },
          { type: "mount" },
          s.hostNetwork ? undefined : { type: "network", path: s.netns ? `/var/run/netns/${s.netns}` : "" },
        ].filter(Boolean),
      },
    },
  };
}
