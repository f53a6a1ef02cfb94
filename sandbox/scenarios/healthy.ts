/**
 * `healthy`: the node two hours after it joined the cluster. Nothing is faked into place:
 * the files are written, systemd boots containerd and the kubelet on the simulated clock,
 * the kubelet registers the node, the control plane hands it its kube-system pods, and the
 * kubelet starts them through containerd. Then the clock runs on to "now".
 */
import { applySysctlFiles } from "../node/sysctl";
import type { World } from "../world";
import { loadImageCatalogue } from "./images";
import {
  aksDisruptionBudgets,
  CONTAINER_COMMANDS,
  clusterServices,
  IMAGE_SIZES,
  kubernetesEndpointSlice,
  kubeSystemWorkloads,
  STARTUP_LOGS,
} from "./kube-system";
import { CONTAINERD_FIRST_PID, EARLY_BOOT } from "./node/boot";
import { writeNodeFiles } from "./node/files";
import { KERNEL_VERSION_STRING } from "./node/identity";

export const BOOT_TIME = Date.UTC(2025, 9, 30, 14, 2, 11, 417);
/** How long the node has been up when the learner arrives. */
export const UPTIME_MS = (2 * 3600 + 3 * 60 + 49) * 1000;

export function bootHealthyNode(world: World, beforeNow?: (world: World) => void): void {
  const { fs, journal, systemd, clock, containerd } = world;
  writeNodeFiles(fs);
  // systemd-sysctl.service, early in sysinit: the sysctl.d files set the kernel's tunables.
  applySysctlFiles(world.sysctl, fs);
  journal.append({
    identifier: "kernel",
    pid: 0,
    // The kernel's banner is /proc/version's line (node-facts.md §1).
    message: KERNEL_VERSION_STRING,
  });
  journal.append({
    identifier: "systemd",
    pid: 1,
    message:
      "systemd 249.11-0ubuntu3.16 running in system mode (+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK +SECCOMP +GCRYPT +GNUTLS -OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN +IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY -P11KIT -QRENCODE +BZIP2 +LZ4 +XZ +ZLIB +ZSTD -XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified)",
  });

  // Images baked into the node image (the VHD caches them so pods start without pulls).
  for (const [ref, size] of Object.entries(IMAGE_SIZES)) containerd.addImage(ref, size);
  for (const [ref, lines] of Object.entries(STARTUP_LOGS)) containerd.startupLogs.set(ref, lines);
  for (const [ref, argv] of Object.entries(CONTAINER_COMMANDS)) containerd.commands.set(ref, argv);
  loadImageCatalogue(containerd);

  // The cluster exists before this node: the API server holds the kube-system DaemonSets,
  // Deployments, Services and the add-ons' PodDisruptionBudgets. Their controllers create the pods; the scheduler binds them
  // once the node registers and is Ready; the kubelet starts them.
  const { api } = world.controlPlane;
  for (const s of clusterServices()) api.create("services", s);
  api.create("endpointslices", kubernetesEndpointSlice());
  for (const w of kubeSystemWorkloads()) api.create(w.kind === "DaemonSet" ? "daemonsets" : "deployments", w);
  for (const pdb of aksDisruptionBudgets()) api.create("poddisruptionbudgets", pdb);

  world.nodeLifecycle.start();
  world.controlPlane.start();
  for (const step of EARLY_BOOT) {
    clock.setTimeout(() => {
      if (step.pid !== undefined) world.procs.continueAt(step.pid);
      systemd.start(step.unit);
    }, step.at);
  }
  clock.setTimeout(() => {
    world.procs.continueAt(CONTAINERD_FIRST_PID);
    systemd.start("containerd.service");
  }, 4_120);
  // The CSE (custom script extension) starts the kubelet once it has written its config,
  // and enables the snapshot-update timer (cse_config.sh ensureSnapshotUpdate).
  clock.setTimeout(() => systemd.start("kubelet.service"), 41_870);
  clock.setTimeout(() => systemd.start("snapshot-update.timer"), 42_115);
  // The AKS Linux extension (a VM extension, after provisioning) brings node-problem-detector.
  clock.setTimeout(() => systemd.start("node-problem-detector.service"), 157_340);
  beforeNow?.(world);
  clock.advance(UPTIME_MS);
}
