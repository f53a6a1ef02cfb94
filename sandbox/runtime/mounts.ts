/**
 * What running pods add to the node's mount table, pod by pod in the order the kubelet and
 * containerd make them: the kubelet's projected service-account tmpfs (kube-api-access-*),
 * the sandbox's network namespace (nsfs) and /dev/shm (a 64M tmpfs), then an overlay rootfs
 * for the pause container and for each running container (snapshotter overlayfs, containerd
 * 1.7 paths: io.containerd.runtime.v2.task/k8s.io/<id>/rootfs).
 */
import type { NodeFs } from "../node/fs";
import type { FsStats, Mount } from "../node/mounts";
import { tmpfsStats } from "../node/mounts";
import { sha256Hex } from "../util/sha256";
import type { Containerd } from "./containerd";

const SNAPSHOTS = "/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots";
const TASKS = "/run/containerd/io.containerd.runtime.v2.task/k8s.io";
const SANDBOXES = "/run/containerd/io.containerd.grpc.v1.cri/sandboxes";

/** Image layers unpacked take about twice their compressed size, and the content store keeps the blobs. */
export function runtimeDiskBytes(containerd: Containerd): number {
  let bytes = 0;
  for (const image of containerd.images.values()) bytes += Math.round(image.sizeBytes * 3.1);
  return bytes + containerd.containers.size * 24_576;
}

export function podMounts(containerd: Containerd, fs: NodeFs, rootStats: () => FsStats, volumeSizeK: number): Mount[] {
  const mounts: Mount[] = [];
  let snapshot = 200;
  const overlay = (id: string, layers: number): Mount => {
    const lower = Array.from({ length: layers }, (_, i) => `${SNAPSHOTS}/${snapshot - i - 1}/fs`).join(":");
    const upper = snapshot;
    snapshot += layers + 1;
    return {
      source: "overlay",
      target: `${TASKS}/${id}/rootfs`,
      fstype: "overlay",
      options: `rw,relatime,lowerdir=${lower},upperdir=${SNAPSHOTS}/${upper}/fs,workdir=${SNAPSHOTS}/${upper}/work`,
      stats: rootStats,
    };
  };
  const sandboxes = [...containerd.sandboxes.values()]
    .filter((s) => s.state === "SANDBOX_READY")
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const sb of sandboxes) {
    const projected = `/var/lib/kubelet/pods/${sb.uid}/volumes/kubernetes.io~projected`;
    for (const name of fs.isDirectorySync(projected) ? fs.readdirSync(projected) : []) {
      mounts.push({
        source: "tmpfs",
        target: `${projected}/${name}`,
        fstype: "tmpfs",
        options: `rw,relatime,size=${volumeSizeK}k,inode64`,
        stats: () => tmpfsStats(volumeSizeK, 12, 9),
      });
    }
    if (sb.netns) {
      // The namespace's inode (ls -l /proc/PID/ns/net): proc_alloc_inum hands them out from 0xF0000000.
      const inode = 4_026_532_000 + (Number.parseInt(sha256Hex(`netns-inode:${sb.netns}`).slice(0, 4), 16) % 900);
      mounts.push({
        source: "nsfs",
        target: `/run/netns/${sb.netns}`,
        fstype: "nsfs",
        options: "rw",
        root: `net:[${inode}]`,
      });
    }
    mounts.push({
      source: "shm",
      target: `${SANDBOXES}/${sb.id}/shm`,
      fstype: "tmpfs",
      options: "rw,nosuid,nodev,noexec,relatime,size=65536k,inode64",
      stats: () => tmpfsStats(65_536, 0),
    });
    mounts.push(overlay(sb.id, 1));
    const containers = [...containerd.containers.values()]
      .filter((c) => c.sandboxId === sb.id && c.state === "CONTAINER_RUNNING")
      .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0));
    for (const c of containers) mounts.push(overlay(c.id, 3 + (c.name.length % 5)));
  }
  return mounts;
}
