/**
 * Who this node is: one coherent AKS node (../shared/node-facts.md §1), node image
 * AKSUbuntu-2204gen2containerd-202510.03.1, Kubernetes 1.32.7, in nodepool1 of a cluster
 * called aks-course in eastus.
 */
export const HOSTNAME = "aks-nodepool1-12345678-vmss000000";
export const NODE_IP = "10.224.0.4";
/**
 * eth0 on the node subnet 10.224.0.0/16 (node-facts §1/§6): Azure's gateway is the subnet's
 * first address; the MAC is Microsoft's 00:22:48 OUI, as Azure NICs get.
 */
export const ETH0 = {
  ip: NODE_IP,
  prefix: 16,
  subnet: "10.224.0.0",
  gateway: "10.224.0.1",
  mac: "00:22:48:8e:1c:5a",
};
/**
 * Azure's platform address (WireServer and Azure DNS): DHCP names it as the VNet's DNS server,
 * with the VNet's internal DNS suffix as the search domain (`<id>.<xx>.internal.cloudapp.net`;
 * the id here is made up, in the real shape: 26 lower-case letters and digits).
 */
export const AZURE_DNS = "168.63.129.16";
export const DNS_SUFFIX = "qxbh4nkpvj1ezmcw0u3ft5r2da.bx.internal.cloudapp.net";
export const KERNEL = "5.15.0-1096-azure";
export const KERNEL_VERSION_STRING = `Linux version ${KERNEL} (buildd@lcy02-amd64-058) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04.2) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #105-Ubuntu SMP Fri Aug 29 15:44:42 UTC 2025`;
export const KERNEL_BUILD = "#105-Ubuntu SMP Fri Aug 29 15:44:42 UTC 2025";
export const OS_IMAGE = "Ubuntu 22.04.5 LTS";
export const NODE_IMAGE_VERSION = "AKSUbuntu-2204gen2containerd-202510.03.1";
export const RESOURCE_GROUP = "MC_rg-course_aks-course_eastus";
export const PAUSE_IMAGE = "mcr.microsoft.com/oss/kubernetes/pause:3.6";

export const NODE_LABELS = [
  "kubernetes.azure.com/role=agent",
  "agentpool=nodepool1",
  "kubernetes.azure.com/agentpool=nodepool1",
  "storageprofile=managed",
  "storagetier=Premium_LRS",
  "kubernetes.azure.com/storageprofile=managed",
  "kubernetes.azure.com/storagetier=Premium_LRS",
  "kubernetes.azure.com/os-sku=Ubuntu",
  `kubernetes.azure.com/cluster=${RESOURCE_GROUP}`,
  "kubernetes.azure.com/mode=system",
  `kubernetes.azure.com/node-image-version=${NODE_IMAGE_VERSION}`,
  "kubernetes.azure.com/kubelet-serving-ca=cluster",
].join(",");

/** The AKS default cipher list for the kubelet's serving port. */
const TLS_CIPHERS = [
  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
  "TLS_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_RSA_WITH_AES_128_GCM_SHA256",
].join(",");

/** KUBELET_FLAGS as AKS writes them: alphabetical (node-facts.md §3). */
export const KUBELET_FLAGS = [
  "--address=0.0.0.0",
  "--anonymous-auth=false",
  "--authentication-token-webhook=true",
  "--authorization-mode=Webhook",
  "--cgroups-per-qos=true",
  "--client-ca-file=/etc/kubernetes/certs/ca.crt",
  "--cloud-provider=external",
  "--cluster-dns=10.0.0.10",
  "--cluster-domain=cluster.local",
  "--container-log-max-size=50M",
  "--enforce-node-allocatable=pods",
  "--event-qps=0",
  "--eviction-hard=memory.available<100Mi,nodefs.available<10%,nodefs.inodesFree<5%",
  "--image-credential-provider-bin-dir=/var/lib/kubelet/credential-provider",
  "--image-credential-provider-config=/var/lib/kubelet/credential-provider-config.yaml",
  "--image-gc-high-threshold=85",
  "--image-gc-low-threshold=80",
  "--kube-reserved=cpu=100m,memory=650Mi",
  "--max-pods=30",
  `--node-ip=${NODE_IP}`,
  "--node-status-update-frequency=10s",
  `--pod-infra-container-image=${PAUSE_IMAGE}`,
  "--pod-manifest-path=/etc/kubernetes/manifests",
  "--protect-kernel-defaults=true",
  "--read-only-port=0",
  "--resolv-conf=/run/systemd/resolve/resolv.conf",
  "--rotate-certificates=true",
  "--rotate-server-certificates=true",
  "--streaming-connection-idle-timeout=4h",
  `--tls-cipher-suites=${TLS_CIPHERS}`,
].join(" ");

export const MACHINE = {
  cpuCores: 2,
  memoryKi: 8137384,
  ephemeralStorageKi: 129886128,
  machineID: "3f5c8d2e41a94b7f9e0c6a1d2b8e4f70",
  systemUUID: "6c1f0e2a-8b3d-4e5f-9a7b-1c2d3e4f5a6b",
  bootID: "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a",
  kernelVersion: KERNEL,
  osImage: OS_IMAGE,
  providerID: `azure:///subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${RESOURCE_GROUP.toLowerCase()}/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1-12345678-vmss/virtualMachines/0`,
  instanceType: "Standard_D2as_v4",
  region: "eastus",
  zone: "0",
};
