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

/** A command-line error; `message` is the whole `err=` text the kubelet logs. */
export class FlagError extends Error {}

/**
 * The kubelet v1.32 command line: the flags cmd/kubelet/app/options/options.go registers
 * (KubeletFlags.AddFlags, AddKubeletConfigFlags) plus the logging flags from component-base
 * (logs/api/v1 AddFlags) and --version/--help. The kubelet parses them itself with pflag
 * (DisableFlagParsing, then cleanFlagSet.Parse in app/server.go), so a name not here fails
 * with pflag's `unknown flag: --name`.
 */
const BOOL_FLAGS = new Set([
  "anonymous-auth",
  "authentication-token-webhook",
  "cgroups-per-qos",
  "contention-profiling",
  "cpu-cfs-quota",
  "enable-controller-attach-detach",
  "enable-debugging-handlers",
  "enable-server",
  "exit-on-lock-contention",
  "experimental-allocatable-ignore-eviction",
  "fail-cgroupv1",
  "fail-swap-on",
  "help",
  "kernel-memcg-notification",
  "local-storage-capacity-isolation",
  "log-json-split-stream",
  "log-text-split-stream",
  "make-iptables-util-chains",
  "protect-kernel-defaults",
  "register-node",
  "register-schedulable",
  "rotate-certificates",
  "rotate-server-certificates",
  "runonce",
  "seccomp-default",
  "serialize-image-pulls",
]);
const INT_FLAGS = new Set([
  "event-burst",
  "event-qps",
  "healthz-port",
  "image-gc-high-threshold",
  "image-gc-low-threshold",
  "kube-api-burst",
  "kube-api-qps",
  "max-open-files",
  "max-pods",
  "maximum-dead-containers",
  "maximum-dead-containers-per-container",
  "node-status-max-images",
  "oom-score-adj",
  "pod-max-pids",
  "pods-per-core",
  "port",
  "read-only-port",
  "registry-burst",
  "registry-qps",
]);
const DURATION_FLAGS = new Set([
  "authentication-token-webhook-cache-ttl",
  "authorization-webhook-cache-authorized-ttl",
  "authorization-webhook-cache-unauthorized-ttl",
  "cpu-cfs-quota-period",
  "cpu-manager-reconcile-period",
  "eviction-pressure-transition-period",
  "file-check-frequency",
  "http-check-frequency",
  "housekeeping-interval",
  "image-minimum-gc-age",
  "log-flush-frequency",
  "minimum-container-ttl-duration",
  "minimum-image-ttl-duration",
  "node-status-update-frequency",
  "runtime-request-timeout",
  "streaming-connection-idle-timeout",
  "sync-frequency",
  "volume-stats-agg-period",
]);
const OTHER_FLAGS = [
  "address",
  "allowed-unsafe-sysctls",
  "authorization-mode",
  "boot-id-file",
  "bootstrap-kubeconfig",
  "cert-dir",
  "cgroup-driver",
  "cgroup-root",
  "client-ca-file",
  "cloud-config",
  "cloud-provider",
  "cluster-dns",
  "cluster-domain",
  "config",
  "config-dir",
  "container-log-max-files",
  "container-log-max-size",
  "container-runtime-endpoint",
  "cpu-manager-policy",
  "cpu-manager-policy-options",
  "enforce-node-allocatable",
  "eviction-hard",
  "eviction-max-pod-grace-period",
  "eviction-minimum-reclaim",
  "eviction-soft",
  "eviction-soft-grace-period",
  "experimental-mounter-path",
  "feature-gates",
  "hairpin-mode",
  "healthz-bind-address",
  "hostname-override",
  "image-credential-provider-bin-dir",
  "image-credential-provider-config",
  "image-service-endpoint",
  "kube-api-content-type",
  "kube-reserved",
  "kube-reserved-cgroup",
  "kubeconfig",
  "kubelet-cgroups",
  "lock-file",
  "log-json-info-buffer-size",
  "log-text-info-buffer-size",
  "logging-format",
  "manifest-url",
  "manifest-url-header",
  "memory-manager-policy",
  "node-ip",
  "node-labels",
  "pod-cidr",
  "pod-infra-container-image",
  "pod-manifest-path",
  "provider-id",
  "qos-reserved",
  "register-with-taints",
  "reserved-cpus",
  "reserved-memory",
  "resolv-conf",
  "root-dir",
  "runtime-cgroups",
  "system-cgroups",
  "system-reserved",
  "system-reserved-cgroup",
  "tls-cert-file",
  "tls-cipher-suites",
  "tls-min-version",
  "tls-private-key-file",
  "topology-manager-policy",
  "topology-manager-policy-options",
  "topology-manager-scope",
  "v",
  "version",
  "vmodule",
  "volume-plugin-dir",
];
const KNOWN_FLAGS = new Set([...BOOL_FLAGS, ...INT_FLAGS, ...DURATION_FLAGS, ...OTHER_FLAGS]);

/** Go's time.ParseDuration: `10s`, `1m30s`, `4h`, `15m`, `0`. */
function isGoDuration(value: string): boolean {
  return value === "0" || /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$/.test(value);
}

/** pflag's own checks as the kubelet's flag set runs them (pflag flag.go, *Value.Set). */
function checkValue(name: string, value: string): void {
  const bad = (why: string) => new FlagError(`invalid argument "${value}" for "--${name}" flag: ${why}`);
  if (BOOL_FLAGS.has(name) && !/^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(value))
    throw bad(`strconv.ParseBool: parsing "${value}": invalid syntax`);
  if (INT_FLAGS.has(name) && !/^[-+]?(0x[0-9a-fA-F]+|0o?[0-7]*|[1-9][0-9]*)$/.test(value))
    throw bad(`strconv.ParseInt: parsing "${value}": invalid syntax`);
  if (DURATION_FLAGS.has(name) && !isGoDuration(value)) throw bad(`time: invalid duration "${value}"`);
}

export function parseKubeletFlags(argv: string[]): KubeletFlags {
  const raw = new Map<string, string>();
  const positional: string[] = [];
  // app/server.go: cleanFlagSet.Parse(args) failing is "failed to parse kubelet flag: <pflag error>".
  const parseError = (text: string) => new FlagError(`failed to parse kubelet flag: ${text}`);
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg); // pflag allows them between flags
      continue;
    }
    const long = arg.startsWith("--");
    const body = arg.slice(long ? 2 : 1);
    const eq = body.indexOf("=");
    let name = eq < 0 ? body : body.slice(0, eq);
    // The only shorthands are -v (--v) and -h (--help).
    if (!long) {
      const short = body[0] ?? "";
      if (short !== "v" && short !== "h") throw parseError(`unknown shorthand flag: '${short}' in ${arg}`);
      name = short === "v" ? "v" : "help";
      if (body.length > 1 && body[1] !== "=") {
        // `-v2`: the rest of the word is the value
        raw.set("v", body.slice(1));
        continue;
      }
    }
    if (!KNOWN_FLAGS.has(name)) throw parseError(`unknown flag: --${name}`);
    let value: string;
    if (eq >= 0) value = body.slice(eq + 1);
    else if (BOOL_FLAGS.has(name)) value = "true";
    else {
      const next = argv[i + 1];
      if (next === undefined) throw parseError(`flag needs an argument: --${name}`);
      value = next;
      i++;
    }
    try {
      checkValue(name, value);
    } catch (e) {
      throw e instanceof FlagError ? parseError(e.message) : e;
    }
    raw.set(name, value);
  }
  // "check if there are non-flag arguments in the command line"
  if (positional.length > 0) throw new FlagError(`unknown command ${positional[0]}`);
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
  const maxPods = Number(raw.get("max-pods") ?? "110");
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
