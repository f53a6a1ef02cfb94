/**
 * The programs behind the Ubuntu daemons' units: what each one journals as it starts (the
 * lines these versions print on an Azure VM's boot), the user it drops to, the helper it
 * forks, the title it gives itself and the ports it listens on. systemd starts them from their
 * unit files like any other unit; nothing here knows the boot order.
 */

import { comm } from "../comm";
import { HOST_PROCESSES } from "../memory";
import type { Listener } from "../net/listeners";
import type { Program, ProgramContext, ProgramRegistry, RunningProgram } from "../systemd/programs";
import type { HostIdentity, OsDeps } from "./deps";
import { startWaagent } from "./waagent";

interface Daemon {
  /** Journal lines at start, as the daemon's own (identifier = its name, its PID). */
  lines?: (ctx: ProgramContext, host: HostIdentity) => string[];
  /** The user it switches to once running (rsyslog's $PrivDropToUser, chronyd's -u default). */
  dropTo?: string;
  /** setproctitle(3), or the kernel's #! line for a script daemon. */
  title?: (argv: string[]) => string[];
  /** A helper process forked at start, as the same user. */
  helper?: boolean;
  /** Sockets it binds, with the fd they get (as `ss -p` shows them; the fds are unconfirmed). */
  listen?: Omit<Listener, "tls" | "owner" | "handle" | "pid">[];
  /** Files it writes once running (resolved's resolv.conf files under /run). */
  files?: (host: HostIdentity) => [string, string][];
  /** sd_notify(STATUS=...) once running (systemd 249's daemons: journald.c, networkd.c, resolved.c, udevd.c). */
  status?: string;
}

/** systemd-resolved 249's built-in DNSSEC trust anchors (resolved-dns-trust-anchor.c). */
const NEGATIVE_TRUST_ANCHORS = [
  "home.arpa",
  "10.in-addr.arpa",
  ...Array.from({ length: 16 }, (_, i) => `${16 + i}.172.in-addr.arpa`),
  "168.192.in-addr.arpa",
  "d.f.ip6.arpa",
  "corp",
  "home",
  "internal",
  "intranet",
  "lan",
  "local",
  "private",
  "test",
];

/** The comment block systemd 249's resolved writes above each file (resolved-resolv-conf.c). */
const RESOLV_HEADER = (path: string, stub: boolean) => `# This is ${path} managed by man:systemd-resolved(8).
# Do not edit.
#
# This file might be symlinked as /etc/resolv.conf. If you're looking at
# /etc/resolv.conf and seeing this text, you have followed the symlink.
#
${
  stub
    ? `# This is a dynamic resolv.conf file for connecting local clients to the
# internal DNS stub resolver of systemd-resolved. This file lists all
# configured search domains.
#
# Run "resolvectl status" to see details about the uplink DNS servers
# currently in use.
`
    : `# This is a dynamic resolv.conf file for connecting local clients directly to
# all known uplink DNS servers. This file lists all configured search domains.
`
}#
# Third party programs should typically not access this file directly, but only
# through the symlink at /etc/resolv.conf. To manage man:resolv.conf(5) in a
# different way, replace this symlink by a static file or a different symlink.
#
# See man:systemd-resolved.service(8) for details about the supported modes of
# operation for /etc/resolv.conf.

`;

/**
 * /etc/resolv.conf (a link to the stub file) sends the node's lookups to 127.0.0.53; the
 * kubelet's --resolv-conf names the uplink file, whose nameserver pods with dnsPolicy Default
 * (CoreDNS among them) use and whose search line every pod inherits.
 */
function resolvConfFiles(h: HostIdentity): [string, string][] {
  const stub = "/run/systemd/resolve/stub-resolv.conf";
  const uplink = "/run/systemd/resolve/resolv.conf";
  return [
    [stub, `${RESOLV_HEADER(stub, true)}nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch ${h.dnsSuffix}\n`],
    [uplink, `${RESOLV_HEADER(uplink, false)}nameserver ${h.dns}\nsearch ${h.dnsSuffix}\n`],
  ];
}

const DAEMONS: Record<string, Daemon> = {
  "/lib/systemd/systemd-journald": {
    status: "Processing requests...",
    lines: (_, h) => [
      "Journal started",
      `Runtime Journal (/run/log/journal/${h.machineId}) is 8.0M, max 79.4M, 71.4M free.`,
    ],
  },
  "/sbin/multipathd": {
    status: "up",
    lines: () => ["--------start up--------", "read /etc/multipath.conf", "path checkers start up"],
  },
  "/lib/systemd/systemd-udevd": {
    // children_max: 8 + 8 per CPU, under the memory cap (udevd.c manager_parse_config...).
    status: "Processing with 24 children at max",
    lines: () => ["Using default interface naming scheme 'v249'."],
  },
  "/lib/systemd/systemd-networkd": {
    status: "Processing requests...",
    lines: (_, h) => [
      "lo: Link UP",
      "lo: Gained carrier",
      "Enumeration completed",
      "eth0: Link UP",
      "eth0: Gained carrier",
      `eth0: DHCPv4 address ${h.nodeIp}/16, gateway ${h.gateway} acquired from 168.63.129.16`,
    ],
  },
  "/lib/systemd/systemd-resolved": {
    status: "Processing requests...",
    lines: (_, h) => [
      "Positive Trust Anchors:",
      ". IN DS 20326 8 2 e06d44b80b8f1d39a95c0b0d7c65d08458e880409bbc683457104237c7f8ec8d",
      `Negative trust anchors: ${NEGATIVE_TRUST_ANCHORS.join(" ")}`,
      `Using system hostname '${h.hostname}'.`,
    ],
    files: resolvConfFiles,
    // The stub listener on 127.0.0.53:53, UDP and TCP (resolved-dns-stub.c).
    listen: [
      { host: "127.0.0.53", port: 53, protocol: "udp", speaks: "dns", fd: 13 },
      { host: "127.0.0.53", port: 53, speaks: "dns", fd: 14 },
    ],
  },
  "/lib/systemd/systemd-logind": { lines: () => ["New seat seat0."] },
  "/usr/bin/dbus-daemon": { dropTo: "messagebus", lines: () => ["[system] AppArmor D-Bus mediation is enabled"] },
  "/usr/sbin/cron": { lines: () => ["(CRON) INFO (pidfile fd = 3)", "(CRON) INFO (Running @reboot jobs)"] },
  "/usr/sbin/irqbalance": {},
  "/usr/bin/networkd-dispatcher": { title: (argv) => ["/usr/bin/python3", ...argv] },
  "/usr/libexec/polkitd": {
    lines: () => ["started daemon version 0.105 using authority implementation `local' version `0.105'"],
  },
  "/usr/sbin/rsyslogd": {
    dropTo: "syslog",
    lines: (ctx) => [
      "imuxsock: Acquired UNIX socket '/run/systemd/journal/syslog' (fd 3) from systemd.  [v8.2112.0]",
      "rsyslogd's groupid changed to 111",
      "rsyslogd's userid changed to 104",
      `[origin software="rsyslogd" swVersion="8.2112.0" x-pid="${ctx.pid}" x-info="https://www.rsyslog.com"] start`,
    ],
  },
  "/usr/sbin/chronyd": {
    dropTo: "_chrony",
    helper: true,
    // chronyc's command port (cmdport 323), bound to loopback as root before it drops to _chrony.
    listen: [{ host: "127.0.0.1", port: 323, protocol: "udp", fd: 5, uid: 0 }],
    lines: () => [
      "chronyd version 4.2 starting (+CMDMON +NTP +REFCLOCK +RTC +PRIVDROP +SCFILTER +SIGND +ASYNCDNS +NTS +SECHASH +IPV6 -DEBUG)",
      "Frequency -4.188 +/- 0.246 ppm read from /var/lib/chrony/chrony.drift",
      "Using right/UTC timezone to obtain leap second data",
      "Loaded seccomp filter (level 1)",
      "Selected source PHC0",
    ],
  },
  "/usr/sbin/sshd": {
    // OpenSSH 8.9's listener retitles itself (sshd.c server_accept_loop, setproctitle).
    title: () => ["sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"],
    lines: () => ["Server listening on 0.0.0.0 port 22.", "Server listening on :: port 22."],
    listen: [
      // listen(2) with SSH_LISTEN_BACKLOG (128).
      { host: "0.0.0.0", port: 22, speaks: "ssh", family: "v4", fd: 3, backlog: 128 },
      { host: "::", port: 22, speaks: "ssh", family: "v6", fd: 4, backlog: 128 },
    ],
  },
};

/** A daemon: journal its start, take its user and title, fork its helper, bind its ports. */
function daemonProgram(bin: string, d: Daemon, deps: OsDeps): Program {
  return (ctx) => {
    // `sshd -t` (ExecStartPre): test the configuration and exit.
    if (ctx.argv.includes("-t")) return 0;
    for (const line of d.lines?.(ctx, deps.host) ?? []) ctx.log(line);
    if (d.dropTo) ctx.setUser(d.dropTo);
    if (d.title) ctx.setTitle(d.title(ctx.argv));
    if (d.helper) ctx.spawnChild(ctx.argv);
    for (const [path, text] of d.files?.(deps.host) ?? []) deps.fs.writeFileSync(path, text, 0o644);
    const closers = (d.listen ?? []).map((l) =>
      deps.listeners.listen({
        ...l,
        tls: false,
        owner: comm([], bin),
        pid: ctx.pid,
        handle: () => ({ status: 400, headers: [], body: "" }),
      }),
    );
    const size = HOST_PROCESSES[comm([], bin)];
    const running: RunningProgram = {
      stop: () => {
        for (const close of closers) close();
      },
      tasks: size?.threads ?? 1,
      memoryBytes: (size?.rssK ?? 4_096) * 1024,
      cpuShare: size?.cpu ?? 0.0001,
      ...(d.status ? { status: d.status } : {}),
    };
    return running;
  };
}

/** Register every host daemon's program by the binary its unit runs. */
export function registerOsDaemons(programs: ProgramRegistry, deps: OsDeps): void {
  for (const [bin, d] of Object.entries(DAEMONS)) programs.register(bin, daemonProgram(bin, d, deps));
  programs.register("/usr/sbin/waagent", (ctx) => startWaagent(ctx, deps));
}
