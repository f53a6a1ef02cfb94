/**
 * The kernel parameters under /proc/sys that this node models: a useful subset of what
 * Linux 5.15 exposes, with the kernel's defaults for a 2-vCPU, 8 GiB VM. The values the
 * distribution and AKS set (Ubuntu's /etc/sysctl.d, systemd's 50-*.conf, AgentBaker's
 * 60-CIS.conf and 999-sysctl-aks.conf) are not here: systemd-sysctl applies those files at
 * boot (Sysctl.applyFiles), as on a real node, so `sysctl --system` finds them already set.
 *
 * Each key's kind says how the kernel parses a write (kernel/sysctl.c proc_dointvec*,
 * proc_dostring): `int` one integer (optionally within [min, max], else EINVAL), `ints` a
 * tab-separated vector, `string` any text, `ro` not writable (mode 0444).
 */
export type SysctlKind =
  | { type: "int"; min?: number; max?: number }
  | { type: "ints"; count: number }
  | { type: "string" }
  | { type: "ro" };

export interface SysctlKey {
  /** Dotted name as sysctl prints it: net.ipv4.ip_forward. */
  name: string;
  value: string;
  kind: SysctlKind;
}

const int = (min?: number, max?: number): SysctlKind => ({ type: "int", min, max });
const ints = (count: number): SysctlKind => ({ type: "ints", count });
const STRING: SysctlKind = { type: "string" };
const RO: SysctlKind = { type: "ro" };

/** Node-wide keys: [name, kernel default, kind]. */
export const GLOBAL_KEYS: [string, string, SysctlKind][] = [
  ["fs.aio-max-nr", "65536", int()],
  // systemd (PID 1) raises file-max to LONG_MAX at boot since v240.
  ["fs.file-max", "9223372036854775807", int()],
  ["fs.inotify.max_queued_events", "16384", int(0)],
  ["fs.inotify.max_user_instances", "128", int(0)],
  ["fs.inotify.max_user_watches", "63488", int(0)],
  ["fs.nr_open", "1048576", int()],
  ["fs.protected_fifos", "0", int(0, 2)],
  ["fs.protected_hardlinks", "0", int(0, 1)],
  ["fs.protected_regular", "0", int(0, 2)],
  ["fs.protected_symlinks", "0", int(0, 1)],
  ["kernel.core_uses_pid", "0", int()],
  ["kernel.dmesg_restrict", "1", int(0, 1)],
  ["kernel.domainname", "(none)", STRING],
  ["kernel.hung_task_timeout_secs", "120", int(0)],
  ["kernel.keys.root_maxbytes", "25000000", int()],
  ["kernel.keys.root_maxkeys", "1000000", int()],
  ["kernel.kptr_restrict", "0", int(0, 2)],
  ["kernel.ngroups_max", "65536", RO],
  ["kernel.ostype", "Linux", RO],
  ["kernel.panic", "0", int()],
  ["kernel.panic_on_oops", "0", int()],
  ["kernel.panic_on_warn", "0", int(0, 1)],
  ["kernel.pid_max", "32768", int(301, 4194304)],
  ["kernel.printk", "4\t4\t1\t7", ints(4)],
  ["kernel.randomize_va_space", "2", int()],
  ["kernel.shmall", "18446744073692774399", int()],
  ["kernel.shmmax", "18446744073692774399", int()],
  ["kernel.shmmni", "4096", int(0, 32768)],
  ["kernel.softlockup_panic", "0", int(0, 1)],
  ["kernel.sysrq", "176", int()],
  ["kernel.threads-max", "63474", int(20, 1073741823)],
  ["kernel.unprivileged_userns_clone", "1", int(0, 1)],
  ["kernel.yama.ptrace_scope", "1", int(0, 3)],
  // br_netfilter is loaded on the image (AgentBaker's file sets bridge-nf-call-iptables).
  ["net.bridge.bridge-nf-call-arptables", "1", int()],
  ["net.bridge.bridge-nf-call-ip6tables", "1", int()],
  ["net.bridge.bridge-nf-call-iptables", "1", int()],
  ["net.core.bpf_jit_enable", "1", int(0, 2)],
  ["net.core.default_qdisc", "pfifo_fast", STRING],
  ["net.core.message_burst", "10", int()],
  ["net.core.message_cost", "5", int()],
  ["net.core.netdev_max_backlog", "1000", int()],
  ["net.core.rmem_default", "212992", int(2304)],
  ["net.core.rmem_max", "212992", int(2304)],
  ["net.core.somaxconn", "4096", int(0)],
  ["net.core.wmem_default", "212992", int(4608)],
  ["net.core.wmem_max", "212992", int(4608)],
  ["net.ipv4.ip_default_ttl", "64", int(1, 255)],
  // The same variable as net.ipv4.conf.all.forwarding (net/ipv4/sysctl_net_ipv4.c ipv4_sysctl_forward).
  ["net.ipv4.ip_forward", "0", int()],
  ["net.ipv4.ip_local_port_range", "32768\t60999", ints(2)],
  ["net.ipv4.ip_nonlocal_bind", "0", int()],
  ["net.ipv4.neigh.default.base_reachable_time_ms", "30000", int()],
  ["net.ipv4.neigh.default.gc_stale_time", "60", int()],
  ["net.ipv4.neigh.default.gc_thresh1", "128", int()],
  ["net.ipv4.neigh.default.gc_thresh2", "512", int()],
  ["net.ipv4.neigh.default.gc_thresh3", "1024", int()],
  ["net.ipv4.ping_group_range", "1\t0", ints(2)],
  ["net.ipv4.tcp_congestion_control", "cubic", STRING],
  ["net.ipv4.tcp_fin_timeout", "60", int()],
  ["net.ipv4.tcp_keepalive_intvl", "75", int(1)],
  ["net.ipv4.tcp_keepalive_probes", "9", int(1)],
  ["net.ipv4.tcp_keepalive_time", "7200", int(1)],
  ["net.ipv4.tcp_max_syn_backlog", "512", int()],
  ["net.ipv4.tcp_retries2", "15", int()],
  ["net.ipv4.tcp_rmem", "4096\t131072\t6291456", ints(3)],
  ["net.ipv4.tcp_syncookies", "1", int()],
  ["net.ipv4.tcp_tw_reuse", "2", int(0, 2)],
  ["net.ipv4.tcp_wmem", "4096\t16384\t4194304", ints(3)],
  ["net.ipv6.conf.all.accept_ra", "1", int()],
  ["net.ipv6.conf.all.accept_redirects", "1", int()],
  ["net.ipv6.conf.all.disable_ipv6", "0", int()],
  ["net.ipv6.conf.all.forwarding", "0", int()],
  ["net.ipv6.conf.all.use_tempaddr", "0", int()],
  ["net.ipv6.conf.default.accept_ra", "1", int()],
  ["net.ipv6.conf.default.accept_redirects", "1", int()],
  ["net.ipv6.conf.default.disable_ipv6", "0", int()],
  ["net.ipv6.conf.default.forwarding", "0", int()],
  ["net.ipv6.conf.default.use_tempaddr", "0", int()],
  // nf_conntrack's table size for 8 GiB (nf_conntrack_core.c: buckets from RAM, max = buckets);
  // kube-proxy's --conntrack-max-per-core=0 leaves it alone. *unconfirmed* on a live node.
  ["net.netfilter.nf_conntrack_max", "262144", int()],
  ["net.netfilter.nf_conntrack_tcp_timeout_established", "432000", int()],
  ["net.netfilter.nf_conntrack_tcp_timeout_time_wait", "120", int()],
  ["net.netfilter.nf_conntrack_udp_timeout", "30", int()],
  ["vm.dirty_background_ratio", "10", int(0, 100)],
  ["vm.dirty_ratio", "20", int(0, 100)],
  ["vm.max_map_count", "65530", int(0)],
  ["vm.min_free_kbytes", "67584", int(0)],
  ["vm.mmap_min_addr", "65536", int()],
  ["vm.overcommit_memory", "0", int(0, 2)],
  ["vm.overcommit_ratio", "50", int()],
  ["vm.panic_on_oom", "0", int(0, 2)],
  ["vm.swappiness", "60", int(0, 200)],
  ["vm.vfs_cache_pressure", "100", int(0)],
];

/**
 * Per-interface IPv4 settings (net/ipv4/devinet.c devinet_vars): every interface has them,
 * plus `all` and `default`. A new interface copies `default`'s values when it appears.
 */
export const INTERFACE_KEYS: [string, string, SysctlKind][] = [
  ["accept_redirects", "1", int()],
  ["accept_source_route", "1", int()],
  ["arp_announce", "0", int()],
  ["arp_ignore", "0", int()],
  ["forwarding", "0", int()],
  ["log_martians", "0", int()],
  ["proxy_arp", "0", int()],
  ["route_localnet", "0", int()],
  ["rp_filter", "0", int()],
  ["secure_redirects", "1", int()],
  ["send_redirects", "1", int()],
];

/**
 * procps's slashdot(): if the first separator in `name` is `from`, swap every `.` and `/`
 * (so `net.ipv4.conf.eth0.1.rp_filter` style names survive); otherwise leave it as it is.
 */
function slashdot(name: string, from: string): string {
  const first = /[./]/.exec(name)?.[0];
  if (first !== from) return name;
  return name.replace(/[./]/g, (c) => (c === "." ? "/" : "."));
}

/** The path under /proc/sys for a name given either way (`net.ipv4.ip_forward`, `net/ipv4/ip_forward`). */
export const sysctlPath = (name: string): string => slashdot(name, ".");

/** The dotted name sysctl prints for a path under /proc/sys. */
export const sysctlName = (path: string): string => slashdot(path, "/");
