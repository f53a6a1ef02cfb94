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
  creationTimestamp: string;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }[];
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

export interface Container {
  name: string;
  image: string;
  args?: string[];
  command?: string[];
  ports?: { containerPort: number; protocol?: string; name?: string; hostPort?: number }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
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
  spec: {
    nodeName?: string;
    containers: Container[];
    initContainers?: Container[];
    hostNetwork?: boolean;
    priorityClassName?: string;
    serviceAccountName?: string;
    tolerations?: { key?: string; operator?: string; effect?: string; tolerationSeconds?: number }[];
    nodeSelector?: Record<string, string>;
  };
  status: {
    phase: "Pending" | "Running" | "Succeeded" | "Failed" | "Unknown";
    conditions?: PodCondition[];
    hostIP?: string;
    podIP?: string;
    podIPs?: { ip: string }[];
    startTime?: string;
    qosClass?: "Guaranteed" | "Burstable" | "BestEffort";
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

export type KubeObject = Node | Pod | Lease | KubeEvent;
export type Resource = "nodes" | "pods" | "leases" | "events";
