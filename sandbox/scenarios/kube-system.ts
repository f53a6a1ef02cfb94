/**
 * The kube-system pods an AKS 1.32 node runs (node-facts.md §7) with monitoring on and
 * Defender off, all on this one-node pool. Image tags are those AKS shipped around the
 * 202510 node image where known; tags marked (unconfirmed) are plausible, not verified.
 */
import type {
  Container,
  DaemonSet,
  Deployment,
  EndpointSlice,
  PodDisruptionBudget,
  Service,
  ServicePort,
  Toleration,
  Volume,
} from "../cluster/types";
import { sha256Hex } from "../util/sha256";
import { HOSTNAME } from "./node/identity";

const MCR = "mcr.microsoft.com";

export interface WorkloadSpec {
  /** DaemonSet or Deployment name. */
  name: string;
  kind: "DaemonSet" | "Deployment";
  replicas: number;
  hostNetwork: boolean;
  priorityClassName: string;
  serviceAccountName: string;
  labels: Record<string, string>;
  initContainers?: Container[];
  containers: Container[];
  volumes?: Volume[];
  tolerations?: Toleration[];
}

const res = (cpu: string, memory: string, limits?: Record<string, string>) => ({ requests: { cpu, memory }, limits });
const CRITICAL_ADDONS: Toleration[] = [{ key: "CriticalAddonsOnly", operator: "Exists" }];
/** AKS node agents tolerate every taint. */
const TOLERATE_ALL: Toleration[] = [
  { operator: "Exists", effect: "NoExecute" },
  { operator: "Exists", effect: "NoSchedule" },
];
const hostPath = (name: string, path: string, type?: string): Volume => ({
  name,
  hostPath: { path, ...(type ? { type } : {}) },
});
const CSI_VOLUMES: Volume[] = [
  hostPath("socket-dir", "/var/lib/kubelet/plugins/$DRIVER", "DirectoryOrCreate"),
  hostPath("mountpoint-dir", "/var/lib/kubelet/", "DirectoryOrCreate"),
  hostPath("registration-dir", "/var/lib/kubelet/plugins_registry/", "DirectoryOrCreate"),
];
const csiVolumes = (driver: string): Volume[] =>
  CSI_VOLUMES.map((v) =>
    v.hostPath ? { ...v, hostPath: { ...v.hostPath, path: v.hostPath.path.replace("$DRIVER", driver) } } : v,
  );
const csiMounts = [
  { name: "socket-dir", mountPath: "/csi" },
  { name: "mountpoint-dir", mountPath: "/var/lib/kubelet/", mountPropagation: "Bidirectional" },
];

export const KUBE_SYSTEM_WORKLOADS: WorkloadSpec[] = [
  {
    name: "kube-proxy",
    kind: "DaemonSet",
    replicas: 1,
    hostNetwork: true,
    priorityClassName: "system-node-critical",
    serviceAccountName: "kube-proxy",
    labels: { component: "kube-proxy", tier: "node" },
    tolerations: [...CRITICAL_ADDONS, ...TOLERATE_ALL],
    volumes: [
      hostPath("kubeconfig", "/var/lib/kubelet/kubeconfig", "FileOrCreate"),
      hostPath("certificates", "/etc/kubernetes/certs", ""),
      hostPath("iptableslock", "/run/xtables.lock", "FileOrCreate"),
      hostPath("lib-modules", "/lib/modules", ""),
    ],
    containers: [
      {
        name: "kube-proxy",
        image: `${MCR}/oss/kubernetes/kube-proxy:v1.32.7`,
        resources: res("100m", "0"),
        securityContext: { privileged: true },
        volumeMounts: [
          { name: "kubeconfig", mountPath: "/var/lib/kubelet/kubeconfig", readOnly: true },
          { name: "certificates", mountPath: "/etc/kubernetes/certs", readOnly: true },
          { name: "iptableslock", mountPath: "/run/xtables.lock" },
          { name: "lib-modules", mountPath: "/lib/modules", readOnly: true },
        ],
      },
    ],
  },
  {
    name: "azure-ip-masq-agent",
    kind: "DaemonSet",
    replicas: 1,
    hostNetwork: true,
    priorityClassName: "system-node-critical",
    serviceAccountName: "azure-ip-masq-agent",
    labels: { "k8s-app": "azure-ip-masq-agent", tier: "node" },
    tolerations: [...CRITICAL_ADDONS, ...TOLERATE_ALL],
    containers: [
      {
        name: "azure-ip-masq-agent",
        image: `${MCR}/oss/v2/kubernetes/ip-masq-agent:v0.1.15-2`,
        resources: res("100m", "50Mi", { cpu: "500m", memory: "250Mi" }),
        securityContext: { capabilities: { add: ["NET_ADMIN", "NET_RAW"] } },
      },
    ],
  },
  {
    name: "cloud-node-manager",
    kind: "DaemonSet",
    replicas: 1,
    hostNetwork: true,
    priorityClassName: "system-node-critical",
    serviceAccountName: "cloud-node-manager",
    labels: { "k8s-app": "cloud-node-manager" },
    tolerations: [...CRITICAL_ADDONS, ...TOLERATE_ALL],
    containers: [
      {
        name: "cloud-node-manager",
        image: `${MCR}/oss/kubernetes/azure-cloud-node-manager:v1.32.6`,
        resources: res("50m", "50Mi", { cpu: "2", memory: "512Mi" }),
        env: [{ name: "NODE_NAME", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }],
      },
    ],
  },
  {
    name: "csi-azuredisk-node",
    kind: "DaemonSet",
    replicas: 1,
    hostNetwork: true,
    priorityClassName: "system-node-critical",
    serviceAccountName: "csi-azuredisk-node-sa",
    labels: { app: "csi-azuredisk-node" },
    tolerations: TOLERATE_ALL,
    volumes: csiVolumes("disk.csi.azure.com"),
    containers: [
      {
        name: "liveness-probe",
        image: `${MCR}/oss/v2/kubernetes-csi/livenessprobe:v2.15.0`,
        resources: res("10m", "20Mi", { memory: "100Mi" }),
        volumeMounts: [{ name: "socket-dir", mountPath: "/csi" }],
      },
      {
        name: "node-driver-registrar",
        image: `${MCR}/oss/v2/kubernetes-csi/csi-node-driver-registrar:v2.13.0`,
        resources: res("10m", "20Mi", { memory: "100Mi" }),
        volumeMounts: [
          { name: "socket-dir", mountPath: "/csi" },
          { name: "registration-dir", mountPath: "/registration" },
        ],
      },
      {
        name: "azuredisk",
        image: `${MCR}/oss/v2/kubernetes-csi/azuredisk-csi:v1.31.11`,
        resources: res("10m", "20Mi", { memory: "1000Mi" }),
        securityContext: { privileged: true },
        volumeMounts: csiMounts,
      },
    ],
  },
  {
    name: "csi-azurefile-node",
    kind: "DaemonSet",
    replicas: 1,
    hostNetwork: true,
    priorityClassName: "system-node-critical",
    serviceAccountName: "csi-azurefile-node-sa",
    labels: { app: "csi-azurefile-node" },
    tolerations: TOLERATE_ALL,
    volumes: csiVolumes("file.csi.azure.com"),
    containers: [
      {
        name: "liveness-probe",
        image: `${MCR}/oss/v2/kubernetes-csi/livenessprobe:v2.15.0`,
        resources: res("10m", "20Mi", { memory: "100Mi" }),
        volumeMounts: [{ name: "socket-dir", mountPath: "/csi" }],
      },
      {
        name: "node-driver-registrar",
        image: `${MCR}/oss/v2/kubernetes-csi/csi-node-driver-registrar:v2.13.0`,
        resources: res("10m", "20Mi", { memory: "100Mi" }),
        volumeMounts: [
          { name: "socket-dir", mountPath: "/csi" },
          { name: "registration-dir", mountPath: "/registration" },
        ],
      },
      {
        name: "azurefile",
        image: `${MCR}/oss/v2/kubernetes-csi/azurefile-csi:v1.31.7`,
        resources: res("10m", "20Mi", { memory: "600Mi" }),
        securityContext: { privileged: true },
        volumeMounts: csiMounts,
      },
    ],
  },
  {
    // microsoft/Docker-Provider kubernetes/ama-logs.yaml: privileged, the host's / as /hostfs.
    name: "ama-logs",
    kind: "DaemonSet",
    replicas: 1,
    hostNetwork: false,
    priorityClassName: "system-node-critical",
    serviceAccountName: "ama-logs",
    labels: { component: "ama-logs-agent", tier: "node" },
    tolerations: [
      { operator: "Exists", effect: "NoSchedule" },
      { operator: "Exists", effect: "NoExecute" },
      { operator: "Exists", effect: "PreferNoSchedule" },
    ],
    volumes: [
      hostPath("host-root", "/"),
      hostPath("host-log", "/var/log"),
      hostPath("azure-json-path", "/etc/kubernetes"),
      { name: "omsagent-secret", secret: { secretName: "ama-logs-secret", defaultMode: 420 } },
    ],
    containers: [
      {
        name: "ama-logs",
        image: `${MCR}/azuremonitor/containerinsights/ciprod:3.1.28`,
        resources: res("75m", "325Mi", { cpu: "500m", memory: "750Mi" }),
        securityContext: { privileged: true },
        ports: [
          { containerPort: 25225, protocol: "TCP" },
          { containerPort: 25224, protocol: "UDP" },
          { containerPort: 28330, hostPort: 28330, protocol: "TCP", name: "syslog" },
        ],
        env: [
          { name: "NODE_IP", valueFrom: { fieldRef: { fieldPath: "status.hostIP" } } },
          { name: "CONTROLLER_TYPE", value: "DaemonSet" },
        ],
        volumeMounts: [
          { name: "host-root", mountPath: "/hostfs", readOnly: true },
          { name: "host-log", mountPath: "/var/log" },
          { name: "azure-json-path", mountPath: "/etc/kubernetes/host", readOnly: true },
          { name: "omsagent-secret", mountPath: "/etc/ama-logs-secret", readOnly: true },
        ],
      },
      {
        name: "ama-logs-prometheus",
        image: `${MCR}/azuremonitor/containerinsights/ciprod:3.1.28`,
        resources: res("75m", "225Mi", { cpu: "500m", memory: "1Gi" }),
        securityContext: { privileged: true },
        env: [{ name: "CONTAINER_TYPE", value: "PrometheusSidecar" }],
        volumeMounts: [
          { name: "host-root", mountPath: "/hostfs", readOnly: true },
          { name: "host-log", mountPath: "/var/log" },
        ],
      },
      {
        name: "addon-token-adapter",
        image: `${MCR}/aks/msi/addon-token-adapter:master.250812.1`,
        resources: res("20m", "20Mi", { cpu: "500m", memory: "500Mi" }),
        securityContext: { capabilities: { add: ["NET_ADMIN", "NET_RAW"] } },
      },
    ],
  },
  {
    name: "coredns",
    kind: "Deployment",
    replicas: 2,
    hostNetwork: false,
    priorityClassName: "system-node-critical",
    serviceAccountName: "coredns",
    labels: { "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", version: "v20" },
    tolerations: CRITICAL_ADDONS,
    volumes: [
      { name: "config-volume", configMap: { name: "coredns", defaultMode: 420 } },
      { name: "custom-config-volume", configMap: { name: "coredns-custom", optional: true, defaultMode: 420 } },
      { name: "tmp", emptyDir: {} },
    ],
    containers: [
      {
        name: "coredns",
        image: `${MCR}/oss/v2/kubernetes/coredns:v1.11.3-8`,
        args: ["-conf", "/etc/coredns/Corefile"],
        resources: res("100m", "70Mi", { memory: "500Mi" }),
        ports: [
          { containerPort: 53, name: "dns", protocol: "UDP" },
          { containerPort: 53, name: "dns-tcp", protocol: "TCP" },
          { containerPort: 9153, name: "metrics", protocol: "TCP" },
        ],
        volumeMounts: [
          { name: "config-volume", mountPath: "/etc/coredns", readOnly: true },
          { name: "custom-config-volume", mountPath: "/etc/coredns/custom", readOnly: true },
          { name: "tmp", mountPath: "/tmp" },
        ],
      },
    ],
  },
  {
    name: "coredns-autoscaler",
    kind: "Deployment",
    replicas: 1,
    hostNetwork: false,
    priorityClassName: "system-cluster-critical",
    serviceAccountName: "coredns-autoscaler",
    labels: { "k8s-app": "coredns-autoscaler" },
    tolerations: CRITICAL_ADDONS,
    containers: [
      {
        name: "autoscaler",
        image: `${MCR}/oss/v2/kubernetes/autoscaler/cluster-proportional-autoscaler:v1.9.0-1`,
        resources: res("20m", "10Mi", { memory: "500Mi" }),
      },
    ],
  },
  {
    name: "konnectivity-agent",
    kind: "Deployment",
    replicas: 2,
    hostNetwork: false,
    priorityClassName: "system-cluster-critical",
    serviceAccountName: "konnectivity-agent",
    labels: { app: "konnectivity-agent" },
    tolerations: CRITICAL_ADDONS,
    containers: [
      {
        name: "konnectivity-agent",
        image: `${MCR}/oss/v2/kubernetes/apiserver-network-proxy/agent:v0.31.4-1`,
        resources: res("20m", "50Mi", { cpu: "1", memory: "1Gi" }),
      },
    ],
  },
  {
    name: "metrics-server",
    kind: "Deployment",
    replicas: 2,
    hostNetwork: false,
    priorityClassName: "system-cluster-critical",
    serviceAccountName: "metrics-server",
    labels: { "k8s-app": "metrics-server" },
    tolerations: CRITICAL_ADDONS,
    volumes: [{ name: "tmp-dir", emptyDir: {} }],
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
        ports: [{ containerPort: 4443, name: "https", protocol: "TCP" }],
        volumeMounts: [{ name: "tmp-dir", mountPath: "/tmp" }],
      },
    ],
  },
  {
    name: "ama-logs-rs",
    kind: "Deployment",
    replicas: 1,
    hostNetwork: false,
    priorityClassName: "system-cluster-critical",
    serviceAccountName: "ama-logs",
    labels: { rsName: "ama-logs-rs", tier: "node" },
    tolerations: CRITICAL_ADDONS,
    containers: [
      {
        name: "ama-logs",
        image: `${MCR}/azuremonitor/containerinsights/ciprod:3.1.28`,
        resources: res("150m", "250Mi", { cpu: "1", memory: "1Gi" }),
        env: [{ name: "CONTROLLER_TYPE", value: "ReplicaSet" }],
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

/**
 * What a few images print when they start, for `crictl logs` and /var/log/pods (kube-proxy
 * logs for itself: proxy/kube-proxy.ts).
 */
export const STARTUP_LOGS: Record<string, string[]> = {
  "mcr.microsoft.com/oss/v2/kubernetes/coredns:v1.11.3-8": [
    ".:53",
    "[INFO] plugin/reload: Running configuration SHA512 = 9c9b1cd2a1b2c0e2d0e0d9d5b1e5b0f5",
    "CoreDNS-1.11.3",
    "linux/amd64, go1.23.8, ",
  ],
};

/** The DaemonSets and Deployments AKS installs in kube-system, as API objects. */
export function kubeSystemWorkloads(specs: WorkloadSpec[] = KUBE_SYSTEM_WORKLOADS): (DaemonSet | Deployment)[] {
  return specs.map((w): DaemonSet | Deployment => {
    const metadata = {
      name: w.name,
      namespace: "kube-system",
      uid: "",
      creationTimestamp: "",
      labels: { ...w.labels, "addonmanager.kubernetes.io/mode": "Reconcile" },
    };
    const template = {
      metadata: { labels: { ...w.labels } },
      spec: {
        ...(w.initContainers ? { initContainers: w.initContainers } : {}),
        containers: w.containers,
        ...(w.volumes ? { volumes: w.volumes } : {}),
        ...(w.hostNetwork ? { hostNetwork: true } : {}),
        nodeSelector: { "kubernetes.io/os": "linux" },
        priorityClassName: w.priorityClassName,
        serviceAccountName: w.serviceAccountName,
        ...(w.tolerations ? { tolerations: w.tolerations } : {}),
      },
    };
    const selector = { matchLabels: { ...w.labels } };
    if (w.kind === "DaemonSet") {
      return {
        apiVersion: "apps/v1",
        kind: "DaemonSet",
        metadata,
        spec: { selector, template, updateStrategy: { type: "RollingUpdate" } },
        status: { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 },
      };
    }
    return {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata,
      spec: { replicas: w.replicas, selector, template, strategy: { type: "RollingUpdate" } },
      status: {},
    };
  });
}

const svc = (
  namespace: string,
  name: string,
  clusterIP: string,
  ports: ServicePort[],
  selector: Record<string, string> | undefined,
  labels: Record<string, string>,
): Service => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name, namespace, uid: "", creationTimestamp: "", labels },
  spec: {
    type: "ClusterIP",
    clusterIP,
    clusterIPs: [clusterIP],
    ports,
    ...(selector ? { selector } : {}),
    sessionAffinity: "None",
    ipFamilies: ["IPv4"],
    ipFamilyPolicy: "SingleStack",
    internalTrafficPolicy: "Cluster",
  },
  status: { loadBalancer: {} },
});

/** default/kubernetes, kube-system/kube-dns and kube-system/metrics-server (node-facts.md §4). */
export function clusterServices(): Service[] {
  return [
    svc(
      "default",
      "kubernetes",
      "10.0.0.1",
      [{ name: "https", protocol: "TCP", port: 443, targetPort: 443 }],
      undefined,
      { component: "apiserver", provider: "kubernetes" },
    ),
    svc(
      "kube-system",
      "kube-dns",
      "10.0.0.10",
      [
        { name: "dns", protocol: "UDP", port: 53, targetPort: 53 },
        { name: "dns-tcp", protocol: "TCP", port: 53, targetPort: 53 },
      ],
      { "k8s-app": "kube-dns" },
      {
        "addonmanager.kubernetes.io/mode": "Reconcile",
        "k8s-app": "kube-dns",
        "kubernetes.io/cluster-service": "true",
        "kubernetes.io/name": "CoreDNS",
      },
    ),
    // The metrics-server ClusterIP is allocated at random in 10.0.0.0/16; this one is ours.
    svc(
      "kube-system",
      "metrics-server",
      "10.0.148.201",
      [{ protocol: "TCP", port: 443, targetPort: "https" }],
      { "k8s-app": "metrics-server" },
      {
        "addonmanager.kubernetes.io/mode": "Reconcile",
        "k8s-app": "metrics-server",
        "kubernetes.io/cluster-service": "true",
        "kubernetes.io/name": "Metrics-server",
      },
    ),
  ];
}

/**
 * The apiserver's own EndpointSlice for default/kubernetes (it has no selector; the
 * apiserver's endpoint reconciler writes it). On AKS it names the control plane's address
 * reached through konnectivity; this address is ours (unconfirmed).
 */
export function kubernetesEndpointSlice(): EndpointSlice {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: {
      name: "kubernetes",
      namespace: "default",
      uid: "",
      creationTimestamp: "",
      labels: { "kubernetes.io/service-name": "kubernetes" },
    },
    addressType: "IPv4",
    endpoints: [{ addresses: ["20.62.134.80"], conditions: { ready: true, serving: true, terminating: false } }],
    ports: [{ name: "https", port: 443, protocol: "TCP" }],
  };
}

/**
 * The PodDisruptionBudgets AKS installs with its add-ons, each `minAvailable: 1`: `coredns-pdb`,
 * `konnectivity-agent` and `metrics-server-pdb`, as `kubectl get pdb -n kube-system` lists them
 * on AKS clusters (names and minAvailable seen in published outputs; the selectors are
 * *unconfirmed*: the pods' app labels). Their UIDs are derived from the name, so adding them
 * draws nothing from the seeded ID counter.
 */
export function aksDisruptionBudgets(): PodDisruptionBudget[] {
  const pdb = (name: string, matchLabels: Record<string, string>): PodDisruptionBudget => {
    const h = sha256Hex(`pdb:kube-system/${name}`);
    return {
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: {
        name,
        namespace: "kube-system",
        uid: `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`,
        creationTimestamp: "",
      },
      spec: { minAvailable: 1, selector: { matchLabels } },
      status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
    };
  };
  return [
    pdb("coredns-pdb", { "k8s-app": "kube-dns" }),
    pdb("konnectivity-agent", { app: "konnectivity-agent" }),
    pdb("metrics-server-pdb", { "k8s-app": "metrics-server" }),
  ];
}
