/**
 * The kube-system pods an AKS 1.32 node runs (node-facts.md §7) with monitoring on and
 * Defender off, all on this one-node pool. Image tags are those AKS shipped around the
 * 202510 node image where known; tags marked (unconfirmed) are plausible, not verified.
 */
import type { Container, Pod } from "../cluster/types";
import type { IdSource } from "../util/ids";
import { rfc3339 } from "../util/time-format";
import { HOSTNAME } from "./node/identity";

const MCR = "mcr.microsoft.com";

export interface WorkloadSpec {
  /** DaemonSet or Deployment name. */
  owner: string;
  kind: "DaemonSet" | "ReplicaSet";
  replicas: number;
  hostNetwork: boolean;
  priorityClassName: string;
  labels: Record<string, string>;
  containers: Container[];
}

const res = (cpu: string, memory: string, limits?: Record<string, string>) => ({ requests: { cpu, memory }, limits });

export const KUBE_SYSTEM_WORKLOADS: WorkloadSpec[] = [
  {
    owner: "kube-proxy",
    kind: "DaemonSet",
    replicas: 1,
    hostNetwork: true,
    priorityClassName: "system-node-critical",
    labels: { component: "kube-proxy", tier: "node" },
    containers: [
      { name: "kube-proxy", image: `${MCR}/oss/kubernetes/kube-proxy:v1.32.7`, resources: res("100m", "0") },
    ],
  },
  {
    owner: "azure-ip-masq-agent",
    kind: "DaemonSet",
    replicas: 1,
    hostNetwork: true,
    priorityClassName: "system-node-critical",
    labels: { "k8s-app": "azure-ip-masq-agent", tier: "node" },
    containers: [
      {
        name: "azure-ip-masq-agent",
        image: `${MCR}/oss/v2/kubernetes/ip-masq-agent:v0.1.15-2`,
        resources: res("100m", "50Mi", { cpu: "500m", memory: "250Mi" }),
      },
    ],
  },
  {
    owner: "cloud-node-manager",
    kind: "DaemonSet",
    replicas: 1,
    hostNetwork: true,
    priorityClassName: "system-node-critical",
    labels: { "k8s-app": "cloud-node-manager" },
    containers: [
      {
        name: "cloud-node-manager",
        image: `${MCR}/oss/kubernetes/azure-cloud-node-manager:v1.32.6`,
        resources: res("50m", "50Mi", { cpu: "2", memory: "512Mi" }),
      },
    ],
  },
  {
    owner: "csi-azuredisk-node",
    kind: "DaemonSet",
    replicas: 1,
    hostNetwork: true,
    priorityClassName: "system-node-critical",
    labels: { app: "csi-azuredisk-node" },
    containers: [
      {
        name: "liveness-probe",
        image: `${MCR}/oss/v2/kubernetes-csi/livenessprobe:v2.15.0`,
        resources: res("10m", "20Mi", { memory: "100Mi" }),
      },
      {
        name: "node-driver-registrar",
        image: `${MCR}/oss/v2/kubernetes-csi/csi-node-driver-registrar:v2.13.0`,
        resources: res("10m", "20Mi", { memory: "100Mi" }),
      },
      {
        name: "azuredisk",
        image: `${MCR}/oss/v2/kubernetes-csi/azuredisk-csi:v1.31.11`,
        resources: res("10m", "20Mi", { memory: "1000Mi" }),
      },
    ],
  },
  {
    owner: "csi-azurefile-node",
    kind: "DaemonSet",
    replicas: 1,
    hostNetwork: true,
    priorityClassName: "system-node-critical",
    labels: { app: "csi-azurefile-node" },
    containers: [
      {
        name: "liveness-probe",
        image: `${MCR}/oss/v2/kubernetes-csi/livenessprobe:v2.15.0`,
        resources: res("10m", "20Mi", { memory: "100Mi" }),
      },
      {
        name: "node-driver-registrar",
        image: `${MCR}/oss/v2/kubernetes-csi/csi-node-driver-registrar:v2.13.0`,
        resources: res("10m", "20Mi", { memory: "100Mi" }),
      },
      {
        name: "azurefile",
        image: `${MCR}/oss/v2/kubernetes-csi/azurefile-csi:v1.31.7`,
        resources: res("10m", "20Mi", { memory: "600Mi" }),
      },
    ],
  },
  {
    owner: "ama-logs",
    kind: "DaemonSet",
    replicas: 1,
    hostNetwork: false,
    priorityClassName: "system-node-critical",
    labels: { component: "ama-logs-agent", tier: "node" },
    containers: [
      {
        name: "ama-logs",
        image: `${MCR}/azuremonitor/containerinsights/ciprod:3.1.28`,
        resources: res("75m", "325Mi", { cpu: "500m", memory: "750Mi" }),
      },
      {
        name: "ama-logs-prometheus",
        image: `${MCR}/azuremonitor/containerinsights/ciprod:3.1.28`,
        resources: res("75m", "225Mi", { cpu: "500m", memory: "1Gi" }),
      },
      {
        name: "addon-token-adapter",
        image: `${MCR}/aks/msi/addon-token-adapter:master.250812.1`,
        resources: res("20m", "20Mi", { cpu: "500m", memory: "500Mi" }),
      },
    ],
  },
  {
    owner: "coredns-789465848c",
    kind: "ReplicaSet",
    replicas: 2,
    hostNetwork: false,
    priorityClassName: "system-node-critical",
    labels: { "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", version: "v20" },
    containers: [
      {
        name: "coredns",
        image: `${MCR}/oss/v2/kubernetes/coredns:v1.11.3-8`,
        resources: res("100m", "70Mi", { memory: "500Mi" }),
      },
    ],
  },
  {
    owner: "coredns-autoscaler-55bcd876cc",
    kind: "ReplicaSet",
    replicas: 1,
    hostNetwork: false,
    priorityClassName: "system-cluster-critical",
    labels: { "k8s-app": "coredns-autoscaler" },
    containers: [
      {
        name: "autoscaler",
        image: `${MCR}/oss/v2/kubernetes/autoscaler/cluster-proportional-autoscaler:v1.9.0-1`,
        resources: res("20m", "10Mi", { memory: "500Mi" }),
      },
    ],
  },
  {
    owner: "konnectivity-agent-7d9c6b5f4d",
    kind: "ReplicaSet",
    replicas: 2,
    hostNetwork: false,
    priorityClassName: "system-cluster-critical",
    labels: { app: "konnectivity-agent" },
    containers: [
      {
        name: "konnectivity-agent",
        image: `${MCR}/oss/v2/kubernetes/apiserver-network-proxy/agent:v0.31.4-1`,
        resources: res("20m", "50Mi", { cpu: "1", memory: "1Gi" }),
      },
    ],
  },
  {
    owner: "metrics-server-6bb78bfcc5",
    kind: "ReplicaSet",
    replicas: 2,
    hostNetwork: false,
    priorityClassName: "system-cluster-critical",
    labels: { "k8s-app": "metrics-server" },
    containers: [
      {
        name: "metrics-server-vpa",
        image: `${MCR}/oss/v2/kubernetes/autoscaler/addon-resizer:v1.8.23-2`,
        resources: res("5m", "25Mi", { cpu: "100m", memory: "250Mi" }),
      },
      {
        name: "metrics-server",
        image: `${MCR}/oss/v2/kubernetes/metrics-server:v0.7.2-2`,
        resources: res("50m", "80Mi", { cpu: "1", memory: "400Mi" }),
      },
    ],
  },
  {
    owner: "ama-logs-rs-6f7b9c8d5d",
    kind: "ReplicaSet",
    replicas: 1,
    hostNetwork: false,
    priorityClassName: "system-cluster-critical",
    labels: { rsName: "ama-logs-rs", tier: "node" },
    containers: [
      {
        name: "ama-logs",
        image: `${MCR}/azuremonitor/containerinsights/ciprod:3.1.28`,
        resources: res("150m", "250Mi", { cpu: "1", memory: "1Gi" }),
      },
      {
        name: "addon-token-adapter",
        image: `${MCR}/aks/msi/addon-token-adapter:master.250812.1`,
        resources: res("20m", "20Mi", { cpu: "500m", memory: "500Mi" }),
      },
    ],
  },
];

/** Image sizes as crictl reports them (bytes; unconfirmed beyond the pause image). */
export const IMAGE_SIZES: Record<string, number> = {
  "mcr.microsoft.com/oss/kubernetes/pause:3.6": 299_513,
  "mcr.microsoft.com/oss/kubernetes/kube-proxy:v1.32.7": 31_612_442,
  "mcr.microsoft.com/oss/v2/kubernetes/ip-masq-agent:v0.1.15-2": 9_224_371,
  "mcr.microsoft.com/oss/kubernetes/azure-cloud-node-manager:v1.32.6": 21_347_815,
  "mcr.microsoft.com/oss/v2/kubernetes-csi/livenessprobe:v2.15.0": 9_612_004,
  "mcr.microsoft.com/oss/v2/kubernetes-csi/csi-node-driver-registrar:v2.13.0": 9_934_562,
  "mcr.microsoft.com/oss/v2/kubernetes-csi/azuredisk-csi:v1.31.11": 74_210_977,
  "mcr.microsoft.com/oss/v2/kubernetes-csi/azurefile-csi:v1.31.7": 71_302_118,
  "mcr.microsoft.com/azuremonitor/containerinsights/ciprod:3.1.28": 398_117_340,
  "mcr.microsoft.com/aks/msi/addon-token-adapter:master.250812.1": 10_842_113,
  "mcr.microsoft.com/oss/v2/kubernetes/coredns:v1.11.3-8": 19_402_751,
  "mcr.microsoft.com/oss/v2/kubernetes/autoscaler/cluster-proportional-autoscaler:v1.9.0-1": 11_304_219,
  "mcr.microsoft.com/oss/v2/kubernetes/apiserver-network-proxy/agent:v0.31.4-1": 12_104_876,
  "mcr.microsoft.com/oss/v2/kubernetes/autoscaler/addon-resizer:v1.8.23-2": 13_412_090,
  "mcr.microsoft.com/oss/v2/kubernetes/metrics-server:v0.7.2-2": 19_310_567,
};

/**
 * The command line each image's main process runs with, as `ps` shows it: entrypoint plus
 * args, `$(VAR)` references expanded by the kubelet. kube-proxy's args are node-facts.md §4
 * (unconfirmed by source there too); coredns's is its image's default; the CSI drivers follow
 * upstream deploy/csi-azure{disk,file}-node.yaml (kubernetes-sigs); the rest are plausible,
 * unconfirmed. Keyed by image, so the CSI sidecars both drivers share show only common flags.
 */
export const CONTAINER_COMMANDS: Record<string, string[]> = {
  [`${MCR}/oss/kubernetes/kube-proxy:v1.32.7`]: [
    "/usr/local/bin/kube-proxy",
    "--conntrack-max-per-core=0",
    "--metrics-bind-address=0.0.0.0:10249",
    "--detect-local-mode=InterfaceNamePrefix",
    "--pod-interface-name-prefix=azv",
    "--v=3",
  ],
  [`${MCR}/oss/v2/kubernetes/ip-masq-agent:v0.1.15-2`]: ["/ip-masq-agent", "--v=2"],
  [`${MCR}/oss/kubernetes/azure-cloud-node-manager:v1.32.6`]: [
    "cloud-node-manager",
    `--node-name=${HOSTNAME}`,
    "--wait-routes=false",
  ],
  [`${MCR}/oss/v2/kubernetes-csi/livenessprobe:v2.15.0`]: [
    "/livenessprobe",
    "--csi-address=/csi/csi.sock",
    "--probe-timeout=3s",
    "--v=2",
  ],
  [`${MCR}/oss/v2/kubernetes-csi/csi-node-driver-registrar:v2.13.0`]: [
    "/csi-node-driver-registrar",
    "--csi-address=/csi/csi.sock",
    "--v=2",
  ],
  [`${MCR}/oss/v2/kubernetes-csi/azuredisk-csi:v1.31.11`]: [
    "/azurediskplugin",
    "--v=5",
    "--endpoint=unix:///csi/csi.sock",
    `--nodeid=${HOSTNAME}`,
    "--metrics-address=0.0.0.0:29605",
    "--enable-perf-optimization=true",
  ],
  [`${MCR}/oss/v2/kubernetes-csi/azurefile-csi:v1.31.7`]: [
    "/azurefileplugin",
    "--v=5",
    "--endpoint=unix:///csi/csi.sock",
    `--nodeid=${HOSTNAME}`,
    "--metrics-address=0.0.0.0:29615",
  ],
  [`${MCR}/azuremonitor/containerinsights/ciprod:3.1.28`]: ["/bin/bash", "/opt/main.sh"],
  [`${MCR}/aks/msi/addon-token-adapter:master.250812.1`]: [
    "/addon-token-adapter",
    "--secret-namespace=kube-system",
    "--secret-name=aad-msi-auth-token",
    "--token-server-listening-port=7777",
    "--health-server-listening-port=9999",
  ],
  [`${MCR}/oss/v2/kubernetes/coredns:v1.11.3-8`]: ["/coredns", "-conf", "/etc/coredns/Corefile"],
  [`${MCR}/oss/v2/kubernetes/autoscaler/cluster-proportional-autoscaler:v1.9.0-1`]: [
    "/cluster-proportional-autoscaler",
    "--namespace=kube-system",
    "--configmap=coredns-autoscaler",
    "--target=deployment/coredns",
    "--logtostderr=true",
    "--v=2",
  ],
  [`${MCR}/oss/v2/kubernetes/apiserver-network-proxy/agent:v0.31.4-1`]: [
    "/proxy-agent",
    "--logtostderr=true",
    "--ca-cert=/var/run/secrets/kubernetes.io/serviceaccount/ca.crt",
    "--proxy-server-host=konnectivity.aks-course-dns-4f8a2c1e.hcp.eastus.azmk8s.io",
    "--proxy-server-port=443",
    "--health-server-port=8082",
    "--service-account-token-path=/var/run/secrets/tokens/konnectivity-agent-token",
  ],
  [`${MCR}/oss/v2/kubernetes/autoscaler/addon-resizer:v1.8.23-2`]: [
    "/pod_nanny",
    "--config-dir=/etc/config",
    "--cpu=44m",
    "--extra-cpu=0.5m",
    "--memory=51Mi",
    "--extra-memory=4Mi",
    "--poll-period=180000",
    "--threshold=5",
    "--deployment=metrics-server",
    "--container=metrics-server",
  ],
  [`${MCR}/oss/v2/kubernetes/metrics-server:v0.7.2-2`]: [
    "/metrics-server",
    "--kubelet-insecure-tls",
    "--kubelet-preferred-address-types=InternalIP",
    "--cert-dir=/tmp",
    "--secure-port=4443",
  ],
};

/** What a few images print when they start, for `crictl logs` and /var/log/pods. */
export const STARTUP_LOGS: Record<string, string[]> = {
  "mcr.microsoft.com/oss/kubernetes/kube-proxy:v1.32.7": [
    'I1030 14:03:02.104512       1 server_linux.go:66] "Using iptables proxy"',
    'I1030 14:03:02.251877       1 server.go:698] "Successfully retrieved node IP(s)" IPs=["10.224.0.4"]',
    'I1030 14:03:02.310554       1 server_linux.go:170] "Using iptables Proxier"',
    'I1030 14:03:02.401223       1 proxier.go:1519] "Syncing iptables rules" ipFamily="IPv4" fullSync=true',
  ],
  "mcr.microsoft.com/oss/v2/kubernetes/coredns:v1.11.3-8": [
    ".:53",
    "[INFO] plugin/reload: Running configuration SHA512 = 9c9b1cd2a1b2c0e2d0e0d9d5b1e5b0f5",
    "CoreDNS-1.11.3",
    "linux/amd64, go1.23.8, ",
  ],
};

/** The Pod objects the control plane's controllers and scheduler create for this node. */
export function kubeSystemPods(ids: IdSource, createdAt: number): Pod[] {
  const pods: Pod[] = [];
  for (const w of KUBE_SYSTEM_WORKLOADS) {
    for (let i = 0; i < w.replicas; i++) {
      const name = `${w.owner}-${ids.nameSuffix(`${w.owner}/${i}`)}`;
      pods.push({
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          name,
          namespace: "kube-system",
          uid: ids.uuid(`pod:${name}`),
          generateName: `${w.owner}-`,
          creationTimestamp: rfc3339(createdAt),
          labels: {
            ...w.labels,
            ...(w.kind === "ReplicaSet" ? { "pod-template-hash": w.owner.split("-").pop() as string } : {}),
          },
          ownerReferences: [
            { apiVersion: "apps/v1", kind: w.kind, name: w.owner, uid: ids.uuid(`owner:${w.owner}`), controller: true },
          ],
        },
        spec: {
          nodeName: HOSTNAME,
          containers: w.containers,
          hostNetwork: w.hostNetwork || undefined,
          priorityClassName: w.priorityClassName,
          serviceAccountName: w.owner.replace(/-[a-z0-9]{10}$/, ""),
        },
        status: {
          phase: "Pending",
          conditions: [
            { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: rfc3339(createdAt) },
          ],
        },
      });
    }
  }
  return pods;
}
