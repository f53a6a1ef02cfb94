/**
 * The sysctl configuration on the node image: Ubuntu 22.04's procps files in /etc/sysctl.d,
 * the cloud image's IPv6 file, systemd 249's /usr/lib/sysctl.d, procps's 99-protect-links,
 * and AgentBaker's two files. systemd-sysctl applies them at boot; `sysctl --system` again.
 */

/**
 * AgentBaker's /etc/sysctl.d/999-sysctl-aks.conf as the CSE writes it: the container
 * networking block, the kubelet's --protect-kernel-defaults values, then the lines of
 * parts/linux/cloud-init/artifacts/999-sysctl-aks.conf (getSysctlContent's defaults).
 */
export const SYSCTL_AKS = `# container networking
net.ipv4.ip_forward = 1
net.ipv4.conf.all.forwarding = 1
net.ipv6.conf.all.forwarding = 1
net.bridge.bridge-nf-call-iptables = 1

# refer to https://github.com/kubernetes/kubernetes/blob/75d45bdfc9eeda15fb550e00da662c12d7d37985/pkg/kubelet/cm/container_manager_linux.go#L359-L397
vm.overcommit_memory = 1
kernel.panic = 10
kernel.panic_on_oops = 1
# to ensure node stability, we set this to the PID_MAX_LIMIT on 64-bit systems: refer to https://kubernetes.io/docs/concepts/policy/pid-limiting/
kernel.pid_max = 4194304
# https://github.com/Azure/AKS/issues/772
fs.inotify.max_user_watches = 1048576
# Ubuntu 22.04 has inotify_max_user_instances set to 128, where as Ubuntu 18.04 had 1024.
fs.inotify.max_user_instances = 1024

# This is a partial workaround to this upstream Kubernetes issue:
# https://github.com/kubernetes/kubernetes/issues/41916#issuecomment-312428731
net.ipv4.tcp_retries2=8
net.core.message_burst=80
net.core.message_cost=40
net.core.somaxconn=16384
net.ipv4.tcp_max_syn_backlog=16384
net.ipv4.neigh.default.gc_thresh1=4096
net.ipv4.neigh.default.gc_thresh2=8192
net.ipv4.neigh.default.gc_thresh3=16384
`;

/** AgentBaker parts/linux/cloud-init/artifacts/sysctl-d-60-CIS.conf, installed as 60-CIS.conf. */
const SYSCTL_CIS = `# 3.1.2 Ensure packet redirect sending is disabled
net.ipv4.conf.all.send_redirects = 0
net.ipv4.conf.default.send_redirects = 0
# 3.2.1 Ensure source routed packets are not accepted
net.ipv4.conf.all.accept_source_route = 0
net.ipv4.conf.default.accept_source_route = 0
# 3.2.2 Ensure ICMP redirects are not accepted
net.ipv4.conf.all.accept_redirects = 0
net.ipv4.conf.default.accept_redirects = 0
# 3.2.3 Ensure secure ICMP redirects are not accepted
net.ipv4.conf.all.secure_redirects = 0
net.ipv4.conf.default.secure_redirects = 0
# 3.2.4 Ensure suspicious packets are logged
net.ipv4.conf.all.log_martians = 1
net.ipv4.conf.default.log_martians = 1
# 3.3.1 Ensure IPv6 router advertisements are not accepted
net.ipv6.conf.all.accept_ra = 0
net.ipv6.conf.default.accept_ra = 0
# 3.3.2 Ensure IPv6 redirects are not accepted
net.ipv6.conf.all.accept_redirects = 0
net.ipv6.conf.default.accept_redirects = 0
# refer to https://github.com/kubernetes/kubernetes/blob/75d45bdfc9eeda15fb550e00da662c12d7d37985/pkg/kubelet/cm/container_manager_linux.go#L359-L397
vm.overcommit_memory = 1
kernel.panic = 10
kernel.panic_on_oops = 1
# to ensure node stability, refer to https://kubernetes.io/docs/concepts/policy/pid-limiting/
kernel.pid_max = 4194304
# https://github.com/Azure/AKS/issues/772
fs.inotify.max_user_watches = 1048576
`;

/**
 * Ubuntu's /etc/sysctl.conf: every line commented out (procps ships it so). Reached twice by
 * `sysctl --system`: as /etc/sysctl.d/99-sysctl.conf (a symlink) and at the end on its own.
 */
const SYSCTL_CONF = `#
# /etc/sysctl.conf - Configuration file for setting system variables
# See /etc/sysctl.d/ for additional system variables.
# See sysctl.conf (5) for information.
#

#kernel.domainname = example.com

# Uncomment the following to stop low-level messages on console
#kernel.printk = 3 4 1 3

# Uncomment the next line to enable packet forwarding for IPv4
#net.ipv4.ip_forward=1
`;

export const SYSCTL_FILES: [string, string, number][] = [
  ["/etc/sysctl.conf", SYSCTL_CONF, 0o644],
  [
    "/etc/sysctl.d/10-console-messages.conf",
    "# the following stops low-level messages on console\nkernel.printk = 4 4 1 7\n",
    0o644,
  ],
  [
    "/etc/sysctl.d/10-ipv6-privacy.conf",
    "# IPv6 Privacy Extensions (RFC 4941)\n# ---\n# IPv6 typically uses a device's MAC address when choosing an IPv6 address\n# to use in autoconfiguration. Privacy extensions allow using a randomly\n# generated IPv6 address, which increases privacy.\nnet.ipv6.conf.all.use_tempaddr = 2\nnet.ipv6.conf.default.use_tempaddr = 2\n",
    0o644,
  ],
  [
    "/etc/sysctl.d/10-kernel-hardening.conf",
    '# These settings are specific to hardening the kernel itself from attack\n# from userspace, rather than protecting userspace from other malicious\n# userspace things.\n#\n#\n# When an attacker is trying to exploit the local kernel, it is often\n# helpful to be able to examine where in memory the kernel, modules,\n# and data structures live. As such, kernel addresses should be treated\n# as sensitive information.\n#\n# Many files and interfaces contain these addresses (e.g. /proc/kallsyms,\n# /proc/modules, etc), and this setting can censor the addresses. A value\n# of "0" allows all users to see the kernel addresses. A value of "1"\n# limits visibility to the root user, and "2" blocks even the root user.\nkernel.kptr_restrict = 1\n',
    0o644,
  ],
  [
    "/etc/sysctl.d/10-magic-sysrq.conf",
    "# The magic SysRq key enables certain keyboard combinations to be\n# interpreted by the kernel to help with debugging. ...\nkernel.sysrq = 176\n",
    0o644,
  ],
  [
    "/etc/sysctl.d/10-network-security.conf",
    "\n# Turn on Source Address Verification in all interfaces to\n# prevent some spoofing attacks.\nnet.ipv4.conf.default.rp_filter=2\nnet.ipv4.conf.all.rp_filter=2\n",
    0o644,
  ],
  [
    "/etc/sysctl.d/10-ptrace.conf",
    "# The PTRACE system is used for debugging.  With it, a single user process\n# can attach to any other dumpable process owned by the same user. ...\nkernel.yama.ptrace_scope = 1\n",
    0o644,
  ],
  [
    "/etc/sysctl.d/10-zeropage.conf",
    "# Protect the zero page of memory from userspace mmap to prevent kernel\n# NULL-dereference attacks against potential future kernel security\n# vulnerabilities. ...\nvm.mmap_min_addr = 65536\n",
    0o644,
  ],
  ["/etc/sysctl.d/60-CIS.conf", SYSCTL_CIS, 0o644],
  // cloud-init's cloud image turns privacy addresses back off.
  [
    "/etc/sysctl.d/99-cloudimg-ipv6.conf",
    "net.ipv6.conf.all.use_tempaddr = 0\nnet.ipv6.conf.default.use_tempaddr = 0\n",
    0o644,
  ],
  ["/etc/sysctl.d/999-sysctl-aks.conf", SYSCTL_AKS, 0o644],
  [
    "/etc/sysctl.d/README.sysctl",
    "Kernel system variables configuration files\n\nFiles found under the /etc/sysctl.d directory that end with .conf are\nparsed within sysctl(8) at boot time.\n",
    0o644,
  ],
  // systemd's 50-default.conf as Ubuntu's package ships it (the sysrq, rp_filter, link and
  // source-route lines are left to Ubuntu's own files); its promote_secondaries lines, which
  // procps 3.3.17 answers with `setting key "net.ipv4.conf.all.promote_secondaries": Invalid
  // argument`, are not modelled.
  [
    "/usr/lib/sysctl.d/50-default.conf",
    "#  This file is part of systemd.\n#\n#  systemd is free software; you can redistribute it and/or modify it\n#  under the terms of the GNU Lesser General Public License as published by\n#  the Free Software Foundation; either version 2.1 of the License, or\n#  (at your option) any later version.\n\n# See sysctl.d(5) and core(5) for documentation.\n\n# To override settings in this file, create a local file in /etc\n# (e.g. /etc/sysctl.d/90-override.conf), and put any assignments\n# there.\n\n# ping(8) without CAP_NET_ADMIN and CAP_NET_RAW\n# The upper limit is set to 2^31-1. Values greater than that get rejected by\n# the kernel because of this definition in linux/include/net/ping.h:\n#   #define GID_T_MAX (((gid_t)~0U) >> 1)\n# That's not so bad because values between 2^31 and 2^32-1 are reserved on\n# systemd-based systems anyway: https://systemd.io/UIDS-GIDS.html#summary\nnet.ipv4.ping_group_range = 0 2147483647\n\n# Fair Queue CoDel packet scheduler to fight bufferbloat\nnet.core.default_qdisc = fq_codel\n\n# Enable regular file and FIFO protection\nfs.protected_regular = 1\nfs.protected_fifos = 1\n",
    0o644,
  ],
  [
    "/usr/lib/sysctl.d/50-pid-max.conf",
    "#  This file is part of systemd.\n#\n# Bump the numeric PID range to its maximum of 2^22 (from the in-kernel default\n# of 2^16), to make PID collisions less likely.\nkernel.pid_max = 4194304\n",
    0o644,
  ],
  [
    "/usr/lib/sysctl.d/99-protect-links.conf",
    "# Protected links\n#\n# Protects against creating or following links under certain conditions\n# Debian kernels have both set to 1 (restricted)\n# See https://www.kernel.org/doc/Documentation/sysctl/fs.txt\nfs.protected_fifos = 1\nfs.protected_hardlinks = 1\nfs.protected_regular = 2\nfs.protected_symlinks = 1\n",
    0o644,
  ],
];
