/**
 * The kubelet's command line as it matters here: AKS passes everything as flags
 * (/etc/default/kubelet's KUBELET_FLAGS plus the drop-ins), no config.yaml.
 */
export interface KubeletFlags {
  raw: Map<string, string>;
  maxPods: number;
  nodeIp: string;
  nodeLabels: Record<string, string>;
  runtimeEndpoint: string;
  statusUpdateFrequencyMs: number;
  podInfraImage: string;
  kubeReserved: Record<string, string>;
  evictionHard: Record<string, string>;
  verbosity: number;
}

export class FlagError extends Error {}

export function parseKubeletFlags(argv: string[]): KubeletFlags {
  const raw = new Map<string, string>();
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("--")) continue;
    const eq = arg.indexOf("=");
    if (eq > 0) raw.set(arg.slice(2, eq), arg.slice(eq + 1));
    else {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith("--")) {
        raw.set(arg.slice(2), next);
        i++;
      } else raw.set(arg.slice(2), "true");
    }
  }
  const list = (value: string | undefined, sep: string) =>
    Object.fromEntries(
      (value ?? "")
        .split(",")
        .filter(Boolean)
        .map((pair) => {
          const at = pair.indexOf(sep);
          return at < 0 ? [pair, ""] : [pair.slice(0, at), pair.slice(at + sep.length)];
        }),
    );
  const maxPodsText = raw.get("max-pods") ?? "110";
  const maxPods = Number(maxPodsText);
  if (!Number.isInteger(maxPods) || maxPods < 0) {
    throw new FlagError(
      `invalid argument "${maxPodsText}" for "--max-pods" flag: strconv.ParseInt: parsing "${maxPodsText}": invalid syntax`,
    );
  }
  const freq = raw.get("node-status-update-frequency") ?? "10s";
  return {
    raw,
    maxPods,
    nodeIp: raw.get("node-ip") ?? "",
    nodeLabels: list(raw.get("node-labels"), "="),
    runtimeEndpoint: raw.get("container-runtime-endpoint") ?? "unix:///run/containerd/containerd.sock",
    statusUpdateFrequencyMs: (Number.parseFloat(freq) || 10) * (freq.endsWith("m") ? 60_000 : 1000),
    podInfraImage: raw.get("pod-infra-container-image") ?? "",
    kubeReserved: list(raw.get("kube-reserved"), "="),
    evictionHard: list(raw.get("eviction-hard"), "<"),
    verbosity: Number(raw.get("v") ?? "0"),
  };
}
