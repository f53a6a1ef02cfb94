/**
 * The slice of the Kubernetes API the node deals with, shaped like the real objects
 * (k8s.io/api core/v1, coordination/v1) so `kubectl get -o yaml` reads true. Times are
 * RFC 3339 strings, as the API server stores them.
 */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion?: string;
  /** Bumped by the API server when a workload's spec changes; controllers report observedGeneration. */
  generation?: number;
  creationTimestamp: string;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  /** Set by a graceful delete: the pod is Terminating until its kubelet confirms it stopped. */
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface Toleration {
  key?: string;
  operator?: "Exists" | "Equal";
  value?: string;
  effect?: "NoSchedule" | "PreferNoSchedule" | "NoExecute";
  tolerationSeconds?: number;
}

export interface Taint {
  key: string;
  value?: string;
  effect: "NoSchedule" | "PreferNoSchedule" | "NoExecute";
  timeAdded?: string;
}

export interface NodeCondition {
  type: string;
  status: "True" | "False" | "Unknown";
  lastHeartbeatTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface Node {
  apiVersion: "v1";
  kind: "Node";
  metadata: ObjectMeta;
  spec: { providerID?: string; podCIDR?: string; taints?: Taint[]; unschedulable?: boolean };
  status: {
    capacity: Record<string, string>;
    allocatable: Record<string, string>;
    conditions: NodeCondition[];
    addresses: { type: string; address: string }[];
    daemonEndpoints: { kubeletEndpoint: { Port: number } };
    nodeInfo: {
      machineID: string;
      systemUUID: string;
      bootID: string;
      kernelVersion: string;
      osImage: string;
      containerRuntimeVersion: string;
      kubeletVersion: string;
      kubeProxyVersion: string;
      operatingSystem: string;
      architecture: string;
    };
    images?: { names: string[]; sizeBytes: number }[];
  };
}

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  mountPropagation?: string;
}

export interface Container {
  name: string;
  image: string;
  args?: string[];
  command?: string[];
  ports?: { containerPort: number; protocol?: string; name?: string; hostPort?: number }[];
  env?: { name: string; value?: string; valueFrom?: { fieldRef?: { fieldPath: string } } }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeMounts?: VolumeMount[];
  securityContext?: { privileged?: boolean; capabilities?: { add?: string[] } };
  imagePullPolicy?: string;
  /** Only on init containers: `Always` makes it a sidecar (restartable init container, 1.29+ beta). */
  restartPolicy?: "Always";
}

export interface Volume {
  name: string;
  hostPath?: { path: string; type?: string };
  emptyDir?: Record<string, never>;
  configMap?: { name: string; optional?: boolean; defaultMode?: number };
  secret?: { secretName: string; defaultMode?: number };
  projected?: {
    defaultMode?: number;
    sources: (
      | { serviceAccountToken: { expirationSeconds: number; path: string } }
      | { configMap: { name: string; items: { key: string; path: string }[] } }
      | { downwardAPI: { items: { path: string; fieldRef: { apiVersion: string; fieldPath: string } }[] } }
    )[];
  };
}

export interface PodSpec {
  nodeName?: string;
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
  hostNetwork?: boolean;
  dnsPolicy?: string;
  priority?: number;
  priorityClassName?: string;
  serviceAccountName?: string;
  restartPolicy?: string;
  schedulerName?: string;
  terminationGracePeriodSeconds?: number;
  tolerations?: Toleration[];
  nodeSelector?: Record<string, string>;
  affinity?: {
    nodeAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: {
        nodeSelectorTerms: {
          matchExpressions?: { key: string; operator: string; values?: string[] }[];
          matchFields?: { key: string; operator: string; values?: string[] }[];
        }[];
      };
    };
  };
}

export interface PodTemplate {
  metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
  spec: PodSpec;
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
}

export interface ContainerStatus {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  ready: boolean;
  started?: boolean;
  restartCount: number;
  state: {
    running?: { startedAt: string };
    waiting?: { reason: string; message?: string };
    terminated?: { exitCode: number; reason: string; startedAt?: string; finishedAt?: string; containerID?: string };
  };
  lastState?: ContainerStatus["state"];
}

export interface PodCondition {
  type: string;
  status: "True" | "False" | "Unknown";
  lastProbeTime: string | null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

export interface Pod {
  apiVersion: "v1";
  kind: "Pod";
  metadata: ObjectMeta;
  spec: PodSpec;
  status: {
    phase: "Pending" | "Running" | "Succeeded" | "Failed" | "Unknown";
    conditions?: PodCondition[];
    hostIP?: string;
    podIP?: string;
    podIPs?: { ip: string }[];
    startTime?: string;
    qosClass?: "Guaranteed" | "Burstable" | "BestEffort";
    initContainerStatuses?: ContainerStatus[];
    containerStatuses?: ContainerStatus[];
    reason?: string;
    message?: string;
  };
}

export interface Lease {
  apiVersion: "coordination.k8s.io/v1";
  kind: "Lease";
  metadata: ObjectMeta;
  spec: { holderIdentity: string; leaseDurationSeconds: number; renewTime: string };
}

export interface KubeEvent {
  apiVersion: "v1";
  kind: "Event";
  metadata: ObjectMeta;
  involvedObject: { kind: string; name: string; namespace?: string; uid?: string };
  reason: string;
  message: string;
  type: "Normal" | "Warning";
  source: { component: string; host?: string };
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
}

export interface DaemonSet {
  apiVersion: "apps/v1";
  kind: "DaemonSet";
  metadata: ObjectMeta;
  spec: { selector: LabelSelector; template: PodTemplate; updateStrategy?: { type: string } };
  status: {
    currentNumberScheduled: number;
    desiredNumberScheduled: number;
    numberAvailable?: number;
    numberMisscheduled: number;
    numberReady: number;
    updatedNumberScheduled?: number;
    observedGeneration?: number;
  };
}

/** An int or a percentage, as intstr.IntOrString carries maxSurge, maxUnavailable, minAvailable. */
export type IntOrPercent = number | string;

export interface DeploymentStrategy {
  type: "RollingUpdate" | "Recreate";
  rollingUpdate?: { maxUnavailable?: IntOrPercent; maxSurge?: IntOrPercent };
}

export interface DeploymentCondition {
  type: "Available" | "Progressing" | "ReplicaFailure";
  status: "True" | "False" | "Unknown";
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface Deployment {
  apiVersion: "apps/v1";
  kind: "Deployment";
  metadata: ObjectMeta;
  spec: {
    replicas: number;
    selector: LabelSelector;
    template: PodTemplate;
    strategy?: DeploymentStrategy;
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
    progressDeadlineSeconds?: number;
  };
  status: {
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    observedGeneration?: number;
    conditions?: DeploymentCondition[];
  };
}

export interface ReplicaSet {
  apiVersion: "apps/v1";
  kind: "ReplicaSet";
  metadata: ObjectMeta;
  spec: { replicas: number; minReadySeconds?: number; selector: LabelSelector; template: PodTemplate };
  status: {
    replicas: number;
    fullyLabeledReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    observedGeneration?: number;
  };
}

export interface ServicePort {
  name?: string;
  protocol: "TCP" | "UDP" | "SCTP";
  port: number;
  targetPort: number | string;
  nodePort?: number;
}

export interface Service {
  apiVersion: "v1";
  kind: "Service";
  metadata: ObjectMeta;
  spec: {
    type: "ClusterIP" | "NodePort" | "LoadBalancer";
    clusterIP: string;
    clusterIPs: string[];
    ports: ServicePort[];
    selector?: Record<string, string>;
    sessionAffinity: string;
    ipFamilies: string[];
    ipFamilyPolicy: string;
    internalTrafficPolicy: string;
  };
  status: { loadBalancer: Record<string, never> };
}

export interface EndpointSlice {
  apiVersion: "discovery.k8s.io/v1";
  kind: "EndpointSlice";
  metadata: ObjectMeta;
  addressType: "IPv4";
  endpoints: {
    addresses: string[];
    conditions: { ready: boolean; serving: boolean; terminating: boolean };
    nodeName?: string;
    targetRef?: { kind: string; name: string; namespace: string; uid: string };
  }[];
  ports: { name: string; port: number; protocol: string }[];
}

/** policy/v1 PodDisruptionBudget: the eviction API refuses what would take healthy pods below the budget. */
export interface PodDisruptionBudget {
  apiVersion: "policy/v1";
  kind: "PodDisruptionBudget";
  metadata: ObjectMeta;
  spec: { minAvailable?: IntOrPercent; maxUnavailable?: IntOrPercent; selector?: LabelSelector };
  status: {
    observedGeneration?: number;
    /** Pods the eviction API let go that the controller has not yet seen leave (name -> time). */
    disruptedPods?: Record<string, string>;
    disruptionsAllowed: number;
    currentHealthy: number;
    desiredHealthy: number;
    expectedPods: number;
    conditions?: {
      type: string;
      status: "True" | "False";
      reason: string;
      message: string;
      observedGeneration?: number;
      lastTransitionTime: string;
    }[];
  };
}

/** v1 Endpoints (core/v1): what the endpoints controller keeps beside each Service's slices. */
export interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef?: { kind: string; name: string; namespace: string; uid: string };
}

export interface Endpoints {
  apiVersion: "v1";
  kind: "Endpoints";
  metadata: ObjectMeta;
  subsets?: {
    addresses?: EndpointAddress[];
    notReadyAddresses?: EndpointAddress[];
    ports?: { name?: string; port: number; protocol: string }[];
  }[];
}

export type KubeObject =
  | Node
  | Pod
  | Lease
  | KubeEvent
  | DaemonSet
  | Deployment
  | ReplicaSet
  | Service
  | EndpointSlice
  | Endpoints
  | PodDisruptionBudget;
export type Resource =
  | "poddisruptionbudgets"
  | "nodes"
  | "pods"
  | "leases"
  | "events"
  | "daemonsets"
  | "deployments"
  | "replicasets"
  | "services"
  | "endpointslices"
  | "endpoints";
