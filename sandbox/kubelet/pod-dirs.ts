/**
 * The kubelet's per-pod directories (pkg/kubelet/kubelet_getters.go, volumemanager):
 * /var/lib/kubelet/pods/<uid>/ with containers/<name>/, etc-hosts (kubelet_pods.go
 * managedHostsHeader) and the projected service-account volume kube-api-access-<5>
 * holding token, ca.crt and namespace. Removed when the pod is gone.
 */
import type { Pod } from "../cluster/types";
import type { NodeFs } from "../node/fs";
import type { CriMount } from "../runtime/types";
import { sha256Hex } from "../util/sha256";

export const PODS_DIR = "/var/lib/kubelet/pods";

/** utilrand.String(5) alphabet; the suffix the service-account admission gives the volume. */
function suffix(seed: string): string {
  const alphabet = "bcdfghjklmnpqrstvwxz2456789";
  const h = sha256Hex(seed);
  let out = "";
  for (let i = 0; i < 5; i++) out += alphabet[Number.parseInt(h.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
  return out;
}

/** The service-account volume the API server's admission added, or one named as it would be. */
export function kubeApiAccessVolume(pod: Pod): string {
  const admitted = pod.spec.volumes?.find((v) => v.name.startsWith("kube-api-access-"));
  return admitted?.name ?? `kube-api-access-${suffix(`kube-api-access:${pod.metadata.uid}`)}`;
}

function base64url(text: string): string {
  // btoa takes one char per byte: the UTF-8 bytes, then the URL-safe alphabet without padding.
  const binary = String.fromCharCode(...new TextEncoder().encode(text));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A bound service-account token (a JWT; the signature is not a real one). */
function serviceAccountToken(pod: Pod, issuedAtMs: number): string {
  const iat = Math.floor(issuedAtMs / 1000);
  const ns = pod.metadata.namespace ?? "default";
  const sa = pod.spec.serviceAccountName ?? "default";
  const header = { alg: "RS256", kid: sha256Hex("sa-signing-key").slice(0, 43) };
  const claims = {
    aud: ["https://aks-course-dns-4f8a2c1e.hcp.eastus.azmk8s.io", '"aks-course-dns-4f8a2c1e.hcp.eastus.azmk8s.io"'],
    exp: iat + 3607,
    iat,
    iss: "https://aks-course-dns-4f8a2c1e.hcp.eastus.azmk8s.io",
    jti: sha256Hex(`jti:${pod.metadata.uid}:${iat}`).slice(0, 36),
    "kubernetes.io": {
      namespace: ns,
      node: { name: pod.spec.nodeName, uid: "" },
      pod: { name: pod.metadata.name, uid: pod.metadata.uid },
      serviceaccount: { name: sa, uid: "" },
      warnafter: iat + 3607 - 3600 + 60,
    },
    nbf: iat,
    sub: `system:serviceaccount:${ns}:${sa}`,
  };
  const sig = base64url(sha256Hex(`sig:${pod.metadata.uid}:${iat}`).repeat(4));
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${sig}`;
}

/** kubelet_pods.go: managedHostsHeader / managedHostsHeaderWithHostNetwork. */
function etcHosts(fs: NodeFs, pod: Pod, podIp: string | undefined): string {
  if (pod.spec.hostNetwork) {
    return `# Kubernetes-managed hosts file (host network).\n${fs.tryReadFileSync("/etc/hosts") ?? ""}`;
  }
  return [
    "# Kubernetes-managed hosts file.",
    "127.0.0.1\tlocalhost",
    "::1\tlocalhost ip6-localhost ip6-loopback",
    "fe00::0\tip6-localnet",
    "fe00::0\tip6-mcastprefix",
    "fe00::1\tip6-allnodes",
    "fe00::2\tip6-allrouters",
    `${podIp ?? ""}\t${pod.metadata.name}`,
    "",
  ].join("\n");
}

/** makePodDataDirs + the volume manager's mounts + the hosts file, once the sandbox has its IP. */
export function makePodDirs(fs: NodeFs, pod: Pod, podIp: string | undefined, now: number): void {
  const dir = `${PODS_DIR}/${pod.metadata.uid}`;
  if (fs.existsSync(dir)) return;
  fs.mkdirSync(`${dir}/plugins`, 0o750);
  fs.mkdirSync(`${dir}/volumes`, 0o750);
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    fs.mkdirSync(`${dir}/containers/${c.name}`, 0o750);
  }
  fs.writeFileSync(`${dir}/etc-hosts`, etcHosts(fs, pod, podIp), 0o644);
  // pkg/volume/emptydir/empty_dir.go: a disk-backed emptyDir is a plain 0777 directory on the
  // node's disk (no mount on the host), shared by every container of the pod that mounts it.
  for (const v of pod.spec.volumes ?? []) if (v.emptyDir) fs.mkdirSync(emptyDirPath(pod, v.name), 0o777);
  const vol = `${dir}/volumes/kubernetes.io~projected/${kubeApiAccessVolume(pod)}`;
  fs.mkdirSync(vol, 0o777);
  fs.writeFileSync(`${vol}/ca.crt`, fs.tryReadFileSync("/etc/kubernetes/certs/ca.crt") ?? "", 0o644);
  fs.writeFileSync(`${vol}/namespace`, pod.metadata.namespace ?? "default", 0o644);
  fs.writeFileSync(`${vol}/token`, serviceAccountToken(pod, now), 0o644);
}

function emptyDirPath(pod: Pod, volume: string): string {
  return `${PODS_DIR}/${pod.metadata.uid}/volumes/kubernetes.io~empty-dir/${volume}`;
}

export function removePodDirs(fs: NodeFs, uid: string, logDir?: string): void {
  fs.rmSync(`${PODS_DIR}/${uid}`, { recursive: true, force: true });
  if (logDir) fs.rmSync(logDir, { recursive: true, force: true });
}

/**
 * The mounts the kubelet hands the runtime for each container (kubelet_pods.go
 * makeMounts): the container's emptyDir volumeMounts, the service-account volume, /etc/hosts
 * (not for host-network pods) and the termination log.
 */
export function containerMounts(pod: Pod, container: string, hostNetwork: boolean): CriMount[] {
  const dir = `${PODS_DIR}/${pod.metadata.uid}`;
  const termination = sha256Hex(`termination:${pod.metadata.uid}/${container}`).slice(0, 8);
  const spec = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((c) => c.name === container);
  const emptyDirs = new Set((pod.spec.volumes ?? []).filter((v) => v.emptyDir).map((v) => v.name));
  const volumeMounts = (spec?.volumeMounts ?? [])
    .filter((m) => emptyDirs.has(m.name))
    .map((m) => ({ containerPath: m.mountPath, hostPath: emptyDirPath(pod, m.name), readonly: m.readOnly === true }));
  return [
    ...volumeMounts,
    {
      containerPath: "/var/run/secrets/kubernetes.io/serviceaccount",
      hostPath: `${dir}/volumes/kubernetes.io~projected/${kubeApiAccessVolume(pod)}`,
      readonly: true,
    },
    ...(hostNetwork ? [] : [{ containerPath: "/etc/hosts", hostPath: `${dir}/etc-hosts`, readonly: false }]),
    {
      containerPath: "/dev/termination-log",
      hostPath: `${dir}/containers/${container}/${termination}`,
      readonly: false,
    },
  ];
}
