/**
 * The node's filesystem at boot, file by file. Contents follow node-facts.md (§1-§3, §6) and
 * the upstream files it names (AgentBaker parts/linux/cloud-init/artifacts, containerd's
 * containerd.service, azure-container-networking cni/azure-linux.conflist).
 */
import type { NodeFs } from "../../node/fs";
import { AKS_ENABLED, AKS_UNIT_FILES } from "./aks-units";
import { HOSTNAME, KERNEL_VERSION_STRING, KUBELET_FLAGS, NODE_LABELS, PAUSE_IMAGE } from "./identity";
import { OS_ENABLED, OS_UNIT_DROPINS, OS_UNIT_FILES } from "./os-units";
import { SYSCTL_FILES } from "./sysctl-files";

const OS_RELEASE = `PRETTY_NAME="Ubuntu 22.04.5 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.5 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=jammy
`;

export const KUBELET_UNIT = `[Unit]
Description=Kubelet
ConditionPathExists=/usr/local/bin/kubelet
Wants=network-online.target containerd.service
After=network-online.target containerd.service

[Service]
Restart=always
RestartSec=2
EnvironmentFile=/etc/default/kubelet
SuccessExitStatus=143
ExecStartPre=/bin/bash /opt/azure/containers/kubelet.sh
ExecStartPre=/bin/bash /opt/azure/containers/ensure_imds_restriction.sh
ExecStartPre=/bin/mkdir -p /var/lib/kubelet
ExecStartPre=/bin/mkdir -p /var/lib/cni
ExecStartPre=/bin/bash -c "if [ $(mount | grep \\"/var/lib/kubelet\\" | wc -l) -le 0 ] ; then /bin/mount --bind /var/lib/kubelet /var/lib/kubelet ; fi"
ExecStartPre=/bin/mount --make-shared /var/lib/kubelet

ExecStartPre=-/sbin/ebtables -t nat --list
ExecStartPre=-/sbin/iptables -t nat --numeric --list

ExecStartPre=/bin/bash /opt/azure/containers/validate-kubelet-credentials.sh

ExecStart=/usr/local/bin/kubelet \\
        --enable-server \\
        --node-labels="\${KUBELET_NODE_LABELS}" \\
        --v=2 \\
        --volume-plugin-dir=/etc/kubernetes/volumeplugins \\
        $KUBELET_TLS_BOOTSTRAP_FLAGS \\
        $KUBELET_CONFIG_FILE_FLAGS \\
        $KUBELET_CONTAINERD_FLAGS \\
        $KUBELET_CONTAINER_RUNTIME_FLAG \\
        $KUBELET_CGROUP_FLAGS \\
        $KUBELET_FLAGS

[Install]
WantedBy=multi-user.target
`;

/** containerd's own unit, shipped by moby-containerd in /lib/systemd/system. */
const CONTAINERD_UNIT = `# Copyright The containerd Authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

[Unit]
Description=containerd container runtime
Documentation=https://containerd.io
After=network.target local-fs.target

[Service]
ExecStartPre=-/sbin/modprobe overlay
ExecStart=/usr/bin/containerd

Type=notify
Delegate=yes
KillMode=process
Restart=always
RestartSec=5
# Having non-zero Limit*s causes performance problems due to accounting overhead
# in the kernel. We recommend using cgroups to do container-local accounting.
LimitNPROC=infinity
LimitCORE=infinity
LimitNOFILE=infinity
# Comment TasksMax if your systemd version does not supports it.
# Only systemd 226 and above support this version.
TasksMax=infinity
OOMScoreAdjust=-999

[Install]
WantedBy=multi-user.target
`;

export const CONTAINERD_CONFIG = `version = 2
oom_score = -999
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "${PAUSE_IMAGE}"
  enable_cdi = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
      BinaryName = "/usr/bin/runc"
      SystemdCgroup = true
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.untrusted]
      runtime_type = "io.containerd.runc.v2"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.untrusted.options]
      BinaryName = "/usr/bin/runc"
  [plugins."io.containerd.grpc.v1.cri".registry]
    config_path = "/etc/containerd/certs.d"
  [plugins."io.containerd.grpc.v1.cri".registry.headers]
    X-Meta-Source-Client = ["azure/aks"]
[metrics]
  address = "0.0.0.0:10257"
`;

/** Azure CNI, node-subnet mode; AKS rewrites upstream's "bridge" mode to "transparent". */
const AZURE_CONFLIST = `{
   "cniVersion":"0.3.0",
   "name":"azure",
   "plugins":[
      {
         "type":"azure-vnet",
         "mode":"transparent",
         "ipsToRouteViaHost":["169.254.20.10"],
         "ipam":{
            "type":"azure-vnet-ipam"
         }
      },
      {
         "type":"portmap",
         "capabilities":{
            "portMappings":true
         },
         "snat":true
      }
   ]
}
`;

const DEFAULT_KUBELET = `KUBELET_FLAGS=${KUBELET_FLAGS}
KUBELET_REGISTER_SCHEDULABLE=true
NETWORK_POLICY=
KUBELET_IMAGE=
KUBELET_NODE_LABELS=${NODE_LABELS}
`;

const KUBECONFIG_ADMIN = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUU2VENDQXRHZ0F3SUJBZ0lSQU==
    server: https://aks-course-dns-4f8a2c1e.hcp.eastus.azmk8s.io:443
  name: aks-course
contexts:
- context:
    cluster: aks-course
    user: clusterUser_rg-course_aks-course
  name: aks-course
current-context: aks-course
kind: Config
preferences: {}
users:
- name: clusterUser_rg-course_aks-course
  user:
    token: REDACTED
`;

/**
 * node-problem-detector's unit, as upstream ships it (kubernetes/node-problem-detector
 * config/systemd/node-problem-detector.service) with the AKS Linux extension's configs.
 */
export const NPD_UNIT = `[Unit]
Description=Node problem detector
Wants=local-fs.target
After=local-fs.target

[Service]
Restart=always
RestartSec=10
ExecStart=/usr/local/bin/node-problem-detector --logtostderr --enable-k8s-exporter=true --apiserver-wait-timeout=5m --kubeconfig=/var/lib/kubelet/kubeconfig --config.system-log-monitor=/etc/node-problem-detector.d/system-log-monitor/kernel-monitor.json --config.custom-plugin-monitor=/etc/node-problem-detector.d/custom-plugin-monitor/kubelet-problem-monitor.json,/etc/node-problem-detector.d/custom-plugin-monitor/container-runtime-problem-monitor.json,/etc/node-problem-detector.d/custom-plugin-monitor/systemd-monitor-counter.json

[Install]
WantedBy=multi-user.target
`;

/** Mode-aware file list: [path, content, mode]. */
export const NODE_FILES: [string, string, number][] = [
  ["/etc/hostname", `${HOSTNAME}\n`, 0o644],
  ["/etc/os-release", OS_RELEASE, 0o644],
  [
    "/etc/hosts",
    `127.0.0.1 localhost\n\n# The following lines are desirable for IPv6 capable hosts\n::1 ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\nff02::3 ip6-allhosts\n`,
    0o644,
  ],
  ["/proc/version", `${KERNEL_VERSION_STRING}\n`, 0o444],
  ["/etc/default/kubelet", DEFAULT_KUBELET, 0o600],
  // chrony.service's EnvironmentFile= (Debian's default: one seccomp level for chronyd).
  ["/etc/default/chrony", '# Options to pass to chrony.\nDAEMON_OPTS="-F 1"\n', 0o644],
  ["/etc/systemd/system/kubelet.service", KUBELET_UNIT, 0o644],
  [
    "/etc/systemd/system/kubelet.service.d/10-containerd-base-flag.conf",
    '[Service]\nEnvironment="KUBELET_CONTAINERD_FLAGS=--runtime-request-timeout=15m --container-runtime-endpoint=unix:///run/containerd/containerd.sock --runtime-cgroups=/system.slice/containerd.service"\n',
    0o644,
  ],
  [
    "/etc/systemd/system/kubelet.service.d/10-tlsbootstrap.conf",
    '[Service]\nEnvironment="KUBELET_TLS_BOOTSTRAP_FLAGS=--kubeconfig /var/lib/kubelet/kubeconfig --bootstrap-kubeconfig /var/lib/kubelet/bootstrap-kubeconfig"\n',
    0o644,
  ],
  [
    "/etc/systemd/system/kubelet.service.d/10-cgroupv2.conf",
    '[Service]\nEnvironment="KUBELET_CGROUP_FLAGS=--cgroup-driver=systemd"\n',
    0o644,
  ],
  ["/etc/systemd/system/kubelet.service.d/10-watchdog.conf", "[Service]\nWatchdogSec=60s\n", 0o644],
  ["/lib/systemd/system/containerd.service", CONTAINERD_UNIT, 0o644],
  [
    "/etc/systemd/system/containerd.service.d/exec_start.conf",
    "[Service]\nExecStartPost=/sbin/iptables -P FORWARD ACCEPT\n",
    0o644,
  ],
  ["/etc/systemd/system/node-problem-detector.service", NPD_UNIT, 0o644],
  ["/etc/containerd/config.toml", CONTAINERD_CONFIG, 0o644],
  ["/etc/crictl.yaml", "runtime-endpoint: unix:///run/containerd/containerd.sock\n", 0o644],
  ["/etc/cni/net.d/10-azure.conflist", AZURE_CONFLIST, 0o600],
  ["/root/.kube/config", KUBECONFIG_ADMIN, 0o600],
  [
    "/var/lib/kubelet/kubeconfig",
    "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority: /etc/kubernetes/certs/ca.crt\n    server: https://aks-course-dns-4f8a2c1e.hcp.eastus.azmk8s.io:443\n  name: localcluster\ncontexts:\n- context:\n    cluster: localcluster\n    user: kubelet-client\n  name: localclustercontext\ncurrent-context: localclustercontext\nusers:\n- name: kubelet-client\n  user:\n    client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem\n    client-key: /var/lib/kubelet/pki/kubelet-client-current.pem\n",
    0o600,
  ],
  [
    "/etc/kubernetes/certs/ca.crt",
    "-----BEGIN CERTIFICATE-----\nMIIE6TCCAtGgAwIBAgIRAOexamplecertificateauthorityforthecourse\n-----END CERTIFICATE-----\n",
    0o644,
  ],
  [
    "/opt/azure/containers/kubelet.sh",
    "#!/bin/bash\n# AKS: runs before every kubelet start (ExecStartPre). Blocks pod access to the\n# WireServer (168.63.129.16) ports 80 and 32526 in FORWARD, then prepares the node.\n",
    0o744,
  ],
  ["/opt/azure/containers/ensure_imds_restriction.sh", "#!/bin/bash\n", 0o744],
  ["/opt/azure/containers/validate-kubelet-credentials.sh", "#!/bin/bash\n", 0o744],
  ["/var/log/azure/cluster-provision.log", "", 0o644],
  ...[...OS_UNIT_FILES, ...OS_UNIT_DROPINS, ...AKS_UNIT_FILES].map(([path, text]): [string, string, number] => [
    path,
    text,
    0o644,
  ]),
  // walinuxagent.service's ConditionPathExists=; the agent's settings (AgentBaker adds the last two lines).
  [
    "/etc/waagent.conf",
    "#\n# Microsoft Azure Linux Agent Configuration\n#\n\n# Enable extension handling. Do not disable this unless you do not need password reset,\n# backup, monitoring, or any extension handling whatsoever.\nExtensions.Enabled=y\n\n# Disable WALA log collection because AKS Log Collector is installed.\nLogs.Collect=n\n",
    0o644,
  ],
  ["/opt/azure/containers/aks-log-collector.sh", "#! /bin/bash\n#\n# AKS Log Collector\n", 0o755],
  ["/opt/azure/containers/ubuntu-snapshot-update.sh", "#!/usr/bin/env bash\n", 0o544],
  ...SYSCTL_FILES,
  // The Ubuntu cloud image's two lines (tab-separated, root's " ext4" as the image has it), then
  // the line cloud-init's cc_mounts appends for Azure's resource disk (its mount options are
  // cloud-init's systemd defaults; newer cloud-init names cloud-init-network.service instead).
  [
    "/etc/fstab",
    "LABEL=cloudimg-rootfs\t/\t ext4\tdiscard,errors=remount-ro\t0 1\nLABEL=UEFI\t/boot/efi\tvfat\tumask=0077\t0 1\n/dev/disk/cloud/azure_resource-part1\t/mnt\tauto\tdefaults,nofail,x-systemd.requires=cloud-init.service,_netdev,comment=cloudconfig\t0\t2\n",
    0o644,
  ],
];

/** Binaries that must exist for their units to start; content is a placeholder. */
export const NODE_BINARIES = [
  "/usr/bin/containerd",
  "/usr/bin/containerd-shim-runc-v2",
  "/usr/bin/runc",
  "/usr/bin/ctr",
  "/usr/bin/crictl",
  "/bin/bash",
  "/bin/sh",
  "/bin/mkdir",
  "/bin/mount",
  "/sbin/modprobe",
  "/sbin/iptables",
  "/sbin/ebtables",
  "/usr/sbin/waagent",
  "/usr/local/bin/node-problem-detector",
  // The Ubuntu daemons' binaries (os-units.ts) and what the package timers' services run.
  "/lib/systemd/systemd-journald",
  "/lib/systemd/systemd-udevd",
  "/lib/systemd/systemd-networkd",
  "/lib/systemd/systemd-resolved",
  "/lib/systemd/systemd-logind",
  "/sbin/multipathd",
  "/usr/bin/dbus-daemon",
  "/usr/sbin/cron",
  "/usr/sbin/irqbalance",
  "/usr/bin/networkd-dispatcher",
  "/usr/libexec/polkitd",
  "/usr/sbin/rsyslogd",
  "/usr/sbin/sshd",
  "/usr/sbin/chronyd",
  "/usr/lib/chrony/chrony-helper",
  "/usr/bin/python3",
  "/usr/bin/systemd-tmpfiles",
  "/usr/sbin/logrotate",
  "/sbin/fstrim",
  "/sbin/e2scrub_all",
  "/usr/bin/install",
  "/usr/bin/mandb",
  "/usr/libexec/dpkg/dpkg-db-backup",
  "/opt/cni/bin/azure-vnet",
  "/opt/cni/bin/azure-vnet-ipam",
  "/opt/cni/bin/bridge",
  "/opt/cni/bin/host-local",
  "/opt/cni/bin/loopback",
  "/opt/cni/bin/portmap",
];

export const ENABLED_UNITS = ["containerd.service", "kubelet.service", "node-problem-detector.service"];

/**
 * Tools in /usr/local/bin that the emulator answers itself. The shell runs commands it knows
 * only from /usr/bin, so these files hand over to it (the real files are Go binaries).
 */
export const LOCAL_BIN_COMMANDS = ["kubectl", "kubelet"];

/**
 * The iptables programs in /usr/sbin (on the node, alternatives links to xtables-nft-multi):
 * handed over the same way, since a file in /usr/sbin comes first in PATH.
 */
export const SBIN_COMMANDS = [
  "iptables",
  "iptables-save",
  "iptables-restore",
  "iptables-nft",
  "iptables-nft-save",
  "iptables-nft-restore",
];

export function writeNodeFiles(fs: NodeFs): void {
  // Ubuntu 22.04 is merged-/usr; /var/run is /run.
  for (const dir of ["bin", "sbin", "lib", "lib64"]) {
    fs.mkdirSync(`/usr/${dir}`);
    fs.symlinkSync(`usr/${dir}`, `/${dir}`);
  }
  fs.mkdirSync("/run");
  fs.symlinkSync("/run", "/var/run");
  for (const [path, content, mode] of NODE_FILES) fs.writeFileSync(path, content, mode);
  // Ubuntu's systemd-resolved package: /etc/resolv.conf is the stub file resolved writes at start.
  fs.symlinkSync("../run/systemd/resolve/stub-resolv.conf", "/etc/resolv.conf");
  // procps ships /etc/sysctl.conf's entry in sysctl.d as a link.
  fs.symlinkSync("../sysctl.conf", "/etc/sysctl.d/99-sysctl.conf");
  for (const bin of NODE_BINARIES) fs.writeFileSync(bin, `\x7fELF (${bin.split("/").pop()})\n`, 0o755);
  for (const name of LOCAL_BIN_COMMANDS) {
    fs.writeFileSync(`/usr/local/bin/${name}`, `#!/bin/bash\n/usr/bin/${name} "$@"\n`, 0o755);
  }
  for (const name of SBIN_COMMANDS)
    fs.writeFileSync(`/usr/sbin/${name}`, `#!/bin/bash\n/usr/bin/${name} "$@"\n`, 0o755);
  for (const dir of [
    "/etc/kubernetes/manifests",
    "/etc/kubernetes/volumeplugins",
    "/var/lib/kubelet/pods",
    "/var/log/pods",
    "/var/log/containers",
    "/run/containerd",
    "/run/netns",
    "/tmp",
    "/home/azureuser",
    "/var/lib/containerd",
    // mount points of the EFI partition and of Azure's temporary disk (lsblk, df, mount list them)
    "/boot/efi",
    "/mnt",
  ]) {
    fs.mkdirSync(dir);
  }
  for (const unit of ENABLED_UNITS) {
    const dir = unit === "containerd.service" ? "/lib/systemd/system" : "/etc/systemd/system";
    fs.symlinkSync(`${dir}/${unit}`, `/etc/systemd/system/multi-user.target.wants/${unit}`);
  }
  // `systemctl enable` links each unit into its [Install] WantedBy= target's .wants/.
  for (const [unit, target] of OS_ENABLED)
    fs.symlinkSync(`/lib/systemd/system/${unit}`, `/etc/systemd/system/${target}.wants/${unit}`);
  for (const [unit, target] of AKS_ENABLED)
    fs.symlinkSync(`/etc/systemd/system/${unit}`, `/etc/systemd/system/${target}.wants/${unit}`);
}
