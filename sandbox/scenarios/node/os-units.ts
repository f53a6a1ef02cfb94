/**
 * The Ubuntu 22.04 packages' own units on the AKS node image (AKSUbuntu-2204gen2containerd-
 * 202510.03.1, systemd 249.11-0ubuntu3.16). Which packages are there comes from the image's
 * release notes (AgentBaker vhdbuilder/release-notes/AKSUbuntu/gen2/2204containerd/
 * 202510.03.1.txt): chrony 4.2 (no systemd-timesyncd), cron, dbus, irqbalance,
 * multipath-tools, networkd-dispatcher, openssh-server, polkitd, rsyslog, walinuxagent 2.2.46;
 * no snapd. Texts follow systemd 249's units/*.in and the Debian/Ubuntu packages' units as
 * jammy ships them; they are written from those sources' published texts, and a unit marked
 * *unconfirmed* could not be checked line by line against the jammy package.
 */

const SYSTEMD_HEADER = `#  SPDX-License-Identifier: LGPL-2.1-or-later
#
#  This file is part of systemd.
#
#  systemd is free software; you can redistribute it and/or modify it
#  under the terms of the GNU Lesser General Public License as published by
#  the Free Software Foundation; either version 2.1 of the License, or
#  (at your option) any later version.
`;

const JOURNALD = `${SYSTEMD_HEADER}
[Unit]
Description=Journal Service
Documentation=man:systemd-journald.service(8) man:journald.conf(5)
DefaultDependencies=no
Requires=systemd-journald.socket
After=systemd-journald.socket systemd-journald-dev-log.socket systemd-journald-audit.socket syslog.socket
Before=sysinit.target

[Service]
DeviceAllow=char-* rw
ExecStart=/lib/systemd/systemd-journald
FileDescriptorStoreMax=4224
IPAddressDeny=any
LockPersonality=yes
MemoryDenyWriteExecute=yes
NoNewPrivileges=yes
OOMScoreAdjust=-250
Restart=always
RestartSec=0
RestrictAddressFamilies=AF_UNIX AF_NETLINK
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
RuntimeDirectory=systemd/journal
RuntimeDirectoryPreserve=yes
Sockets=systemd-journald.socket systemd-journald-dev-log.socket
StandardOutput=null
SystemCallArchitectures=native
SystemCallErrorNumber=EPERM
SystemCallFilter=@system-service
Type=notify
WatchdogSec=3min

# If there are many split up journal files we need a lot of fds to access them
# all in parallel.
LimitNOFILE=524288
`;

const UDEVD = `${SYSTEMD_HEADER}
[Unit]
Description=Rule-based Manager for Device Events and Files
Documentation=man:systemd-udevd.service(8) man:udev(7)
DefaultDependencies=no
After=systemd-sysusers.service systemd-hwdb-update.service
Before=sysinit.target
ConditionPathIsReadWrite=/sys

[Service]
DeviceAllow=block-* rwm
DeviceAllow=char-* rwm
Type=notify
# Note that udev will reset the value internally for its workers
OOMScoreAdjust=-1000
Sockets=systemd-udevd-control.socket systemd-udevd-kernel.socket
Restart=always
RestartSec=0
ExecStart=/lib/systemd/systemd-udevd
ExecReload=udevadm control --reload --timeout 0
KillMode=mixed
TasksMax=infinity
PrivateMounts=yes
ProtectHostname=yes
MemoryDenyWriteExecute=yes
RestrictAddressFamilies=AF_UNIX AF_NETLINK AF_INET AF_INET6
RestrictRealtime=yes
RestrictSUIDSGID=yes
SystemCallFilter=@system-service @module @raw-io bpf
SystemCallFilter=~@clock
SystemCallErrorNumber=EPERM
SystemCallArchitectures=native
LockPersonality=yes
IPAddressDeny=any
WatchdogSec=3min
`;

const NETWORKD = `${SYSTEMD_HEADER}
[Unit]
Description=Network Configuration
Documentation=man:systemd-networkd.service(8)
ConditionCapability=CAP_NET_ADMIN
DefaultDependencies=no
# systemd-udevd.service can be dropped once tuntap is moved to netlink
After=systemd-networkd.socket systemd-udevd.service network-pre.target systemd-sysusers.service systemd-sysctl.service
Before=network.target multi-user.target shutdown.target
Conflicts=shutdown.target
Wants=systemd-networkd.socket network.target

[Service]
AmbientCapabilities=CAP_NET_ADMIN CAP_NET_BIND_SERVICE CAP_NET_BROADCAST CAP_NET_RAW
BusName=org.freedesktop.network1
CapabilityBoundingSet=CAP_NET_ADMIN CAP_NET_BIND_SERVICE CAP_NET_BROADCAST CAP_NET_RAW
DeviceAllow=char-* rw
ExecStart=!!/lib/systemd/systemd-networkd
LockPersonality=yes
MemoryDenyWriteExecute=yes
NoNewPrivileges=yes
ProtectProc=invisible
ProtectClock=yes
ProtectControlGroups=yes
ProtectHome=yes
ProtectKernelLogs=yes
ProtectKernelModules=yes
ProtectSystem=strict
Restart=on-failure
RestartKillSignal=SIGUSR2
RestartSec=0
RestrictAddressFamilies=AF_UNIX AF_NETLINK AF_INET AF_INET6 AF_PACKET
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
RuntimeDirectory=systemd/netif
RuntimeDirectoryPreserve=yes
SystemCallArchitectures=native
SystemCallErrorNumber=EPERM
SystemCallFilter=@system-service
Type=notify
User=systemd-network
WatchdogSec=3min

[Install]
WantedBy=multi-user.target
Also=systemd-networkd.socket
Alias=dbus-org.freedesktop.network1.service

# We want to enable systemd-networkd-wait-online.service whenever this service
# is enabled. systemd-networkd-wait-online.service has
# WantedBy=network-online.target, so enabling it only has an effect if
# network-online.target itself is enabled or pulled in by some other unit.
Also=systemd-networkd-wait-online.service
`;

const RESOLVED = `${SYSTEMD_HEADER}
[Unit]
Description=Network Name Resolution
Documentation=man:systemd-resolved.service(8)
Documentation=man:org.freedesktop.resolve1(5)
Documentation=https://www.freedesktop.org/wiki/Software/systemd/writing-network-configuration-managers
Documentation=https://www.freedesktop.org/wiki/Software/systemd/writing-resolver-clients
DefaultDependencies=no
After=systemd-sysusers.service
Before=network.target nss-lookup.target shutdown.target
Conflicts=shutdown.target
Wants=nss-lookup.target

[Service]
AmbientCapabilities=CAP_SETPCAP CAP_NET_RAW CAP_NET_BIND_SERVICE
BusName=org.freedesktop.resolve1
CapabilityBoundingSet=CAP_SETPCAP CAP_NET_RAW CAP_NET_BIND_SERVICE
ExecStart=!!/lib/systemd/systemd-resolved
LockPersonality=yes
MemoryDenyWriteExecute=yes
NoNewPrivileges=yes
PrivateDevices=yes
PrivateTmp=yes
ProtectClock=yes
ProtectControlGroups=yes
ProtectHome=yes
ProtectKernelLogs=yes
ProtectKernelModules=yes
ProtectKernelTunables=yes
ProtectSystem=strict
Restart=always
RestartSec=0
RestrictAddressFamilies=AF_UNIX AF_NETLINK AF_INET AF_INET6
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
RuntimeDirectory=systemd/resolve
RuntimeDirectoryPreserve=yes
SystemCallArchitectures=native
SystemCallErrorNumber=EPERM
SystemCallFilter=@system-service
Type=notify
User=systemd-resolve
WatchdogSec=3min

[Install]
WantedBy=multi-user.target
Alias=dbus-org.freedesktop.resolve1.service
`;

const LOGIND = `${SYSTEMD_HEADER}
[Unit]
Description=User Login Management
Documentation=man:sd-login(3)
Documentation=man:systemd-logind.service(8)
Documentation=man:logind.conf(5)
Documentation=man:org.freedesktop.login1(5)

Wants=user.slice modprobe@drm.service
After=nss-user-lookup.target user.slice modprobe@drm.service

# Ask for the dbus socket.
Wants=dbus.socket
After=dbus.socket

[Service]
BusName=org.freedesktop.login1
CapabilityBoundingSet=CAP_SYS_ADMIN CAP_MAC_ADMIN CAP_AUDIT_CONTROL CAP_CHOWN CAP_DAC_READ_SEARCH CAP_DAC_OVERRIDE CAP_FOWNER CAP_SYS_TTY_CONFIG CAP_LINUX_IMMUTABLE
DeviceAllow=block-* r
DeviceAllow=char-/dev/console rw
DeviceAllow=char-drm rw
DeviceAllow=char-input rw
DeviceAllow=char-tty rw
DeviceAllow=char-vcs rw
ExecStart=/lib/systemd/systemd-logind
FileDescriptorStoreMax=512
IPAddressDeny=any
LockPersonality=yes
MemoryDenyWriteExecute=yes
NoNewPrivileges=yes
PrivateTmp=yes
ProtectProc=invisible
ProtectClock=yes
ProtectControlGroups=yes
ProtectHome=yes
ProtectHostname=yes
ProtectKernelModules=yes
ProtectSystem=strict
ReadWritePaths=/etc /run
Restart=always
RestartSec=0
RestrictAddressFamilies=AF_UNIX AF_NETLINK
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
RuntimeDirectory=systemd/sessions systemd/seats systemd/users systemd/inhibit systemd/shutdown
RuntimeDirectoryPreserve=yes
StateDirectory=systemd/linger
SystemCallArchitectures=native
SystemCallErrorNumber=EPERM
SystemCallFilter=@system-service
Type=notify
WatchdogSec=3min

# Increase the default a bit in order to allow many simultaneous logins since
# we keep one fd open per session.
LimitNOFILE=524288
`;

/** multipath-tools 0.8.8 (debian/multipathd.service). */
const MULTIPATHD = `[Unit]
Description=Device-Mapper Multipath Device Controller
Wants=systemd-udev-trigger.service systemd-udev-settle.service
Before=iscsi.service iscsid.service lvm2-activation-early.service
Before=local-fs-pre.target blk-availability.service shutdown.target
After=multipathd.socket systemd-udev-trigger.service systemd-udev-settle.service
DefaultDependencies=no
Conflicts=shutdown.target
ConditionKernelCommandLine=!nompath
ConditionKernelCommandLine=!multipath=off
ConditionVirtualization=!container

[Service]
Type=notify
NotifyAccess=main
LimitCORE=infinity
ExecStartPre=-/sbin/modprobe -a scsi_dh_alua scsi_dh_emc scsi_dh_rdac dm-multipath
ExecStart=/sbin/multipathd -d -s
ExecReload=/sbin/multipathd reconfigure
TasksMax=infinity

[Install]
WantedBy=sysinit.target
Also=multipathd.socket
Alias=multipath-tools.service
`;

/** dbus 1.12.20 (bus/dbus.service.in as Debian builds it: `@` sets argv[0] to `@dbus-daemon`). */
const DBUS = `[Unit]
Description=D-Bus System Message Bus
Documentation=man:dbus-daemon(1)
Requires=dbus.socket

[Service]
ExecStart=@/usr/bin/dbus-daemon @dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only
ExecReload=/usr/bin/dbus-send --print-reply --system --type=method_call --dest=org.freedesktop.DBus / org.freedesktop.DBus.ReloadConfig
OOMScoreAdjust=-900
`;

/** cron 3.0pl1-137ubuntu3 (debian/cron.service). */
const CRON = `[Unit]
Description=Regular background program processing daemon
Documentation=man:cron(8)
After=remote-fs.target nss-user-lookup.target

[Service]
EnvironmentFile=-/etc/default/cron
ExecStart=/usr/sbin/cron -f -P $EXTRA_OPTS
IgnoreSIGPIPE=false
KillMode=process
Restart=on-failure

[Install]
WantedBy=multi-user.target
`;

/** irqbalance 1.8.0 (misc/irqbalance.service as Debian ships it; unconfirmed). */
const IRQBALANCE = `[Unit]
Description=irqbalance daemon
Documentation=man:irqbalance(1)
Documentation=https://github.com/Irqbalance/irqbalance
ConditionVirtualization=!container

[Service]
EnvironmentFile=-/usr/lib/irqbalance/defaults.env
EnvironmentFile=-/etc/default/irqbalance
ExecStart=/usr/sbin/irqbalance --foreground $IRQBALANCE_ARGS
CapabilityBoundingSet=
NoNewPrivileges=yes
ReadOnlyPaths=/
ReadWritePaths=/proc/irq
RestrictAddressFamilies=AF_UNIX
RuntimeDirectory=irqbalance/

[Install]
WantedBy=multi-user.target
`;

/** networkd-dispatcher 2.1 (networkd-dispatcher.service). */
const NETWORKD_DISPATCHER = `[Unit]
Description=Dispatcher daemon for systemd-networkd
Documentation=https://gitlab.com/craftyguy/networkd-dispatcher

[Service]
Type=notify
ExecStart=/usr/bin/networkd-dispatcher --run-startup-triggers

[Install]
WantedBy=multi-user.target
`;

/** polkit 0.105-33 (data/polkit.service.in): static, started by D-Bus activation. */
const POLKIT = `[Unit]
Description=Authorization Manager
Documentation=man:polkit(8)

[Service]
Type=dbus
BusName=org.freedesktop.PolicyKit1
ExecStart=/usr/libexec/polkitd --no-debug
`;

/** rsyslog 8.2112.0 (debian/rsyslog.service). */
const RSYSLOG = `[Unit]
Description=System Logging Service
Requires=syslog.socket
Documentation=man:rsyslogd(8)
Documentation=man:rsyslog.conf(5)
Documentation=https://www.rsyslog.com/doc/

[Service]
Type=notify
ExecStart=/usr/sbin/rsyslogd -n -iNONE
StandardOutput=null
Restart=on-failure

# Increase the default a bit in order to allow many simultaneous
# files to be monitored, we might need a lot of fds.
LimitNOFILE=16384

[Install]
WantedBy=multi-user.target
Alias=syslog.service
`;

/** openssh 1:8.9p1-3ubuntu0.13 (debian/openssh-server.ssh.service); `sshd -t` checks the config first. */
const SSH = `[Unit]
Description=OpenBSD Secure Shell server
Documentation=man:sshd(8) man:sshd_config(5)
After=network.target auditd.service
ConditionPathExists=!/etc/ssh/sshd_not_to_be_run

[Service]
EnvironmentFile=-/etc/default/ssh
ExecStartPre=/usr/sbin/sshd -t
ExecStart=/usr/sbin/sshd -D $SSHD_OPTS
ExecReload=/usr/sbin/sshd -t
ExecReload=/bin/kill -HUP $MAINPID
KillMode=process
Restart=on-failure
RestartPreventExitStatus=255
Type=notify
RuntimeDirectory=sshd
RuntimeDirectoryMode=0755

[Install]
WantedBy=multi-user.target
Alias=sshd.service
`;

/**
 * chrony 4.2-2ubuntu2 (debian/chrony.service). AKS points it at the Hyper-V PTP clock
 * (`refclock PHC /dev/ptp_hyperv poll 3 dpoll -2 offset 0` in /etc/chrony/chrony.conf, as
 * Azure's time-sync guidance gives it); DAEMON_OPTS="-F 1" comes from /etc/default/chrony.
 */
const CHRONY = `[Unit]
Description=chrony, an NTP client/server
Documentation=man:chronyd(8) man:chronyc(1) man:chrony.conf(5)
Conflicts=openntpd.service ntp.service ntpsec.service
Wants=time-sync.target
Before=time-sync.target
After=network.target
ConditionCapability=CAP_SYS_TIME

[Service]
Type=forking
PIDFile=/run/chrony/chronyd.pid
EnvironmentFile=-/etc/default/chrony
ExecStart=!/usr/sbin/chronyd $DAEMON_OPTS
ExecStartPost=-/usr/lib/chrony/chrony-helper update-daemon
PrivateTmp=yes
ProtectHome=yes
ProtectSystem=full

[Install]
Alias=chronyd.service
WantedBy=multi-user.target
`;

/**
 * walinuxagent 2.2.46-0ubuntu5.1. The text is upstream's reference copy
 * (Azure/WALinuxAgent init/ubuntu/walinuxagent.service) without its note; the jammy
 * package's own file is unconfirmed.
 */
const WALINUXAGENT = `[Unit]
Description=Azure Linux Agent

After=network-online.target cloud-init.service
Wants=network-online.target sshd.service sshd-keygen.service

ConditionFileIsExecutable=/usr/sbin/waagent
ConditionPathExists=/etc/waagent.conf

[Service]
Type=simple
ExecStart=/usr/bin/python3 -u /usr/sbin/waagent -daemon
Restart=always

[Install]
WantedBy=multi-user.target
`;

/** Oneshot services the package timers below start (systemd 249, logrotate 3.19, util-linux 2.37, man-db 2.10, dpkg 1.21, e2fsprogs 1.46). */
const TMPFILES_CLEAN_SERVICE = `${SYSTEMD_HEADER}
[Unit]
Description=Cleanup of Temporary Directories
Documentation=man:tmpfiles.d(5) man:systemd-tmpfiles(8)
DefaultDependencies=no
Conflicts=shutdown.target
After=local-fs.target time-set.target
Before=shutdown.target

[Service]
Type=oneshot
ExecStart=systemd-tmpfiles --clean
SuccessExitStatus=DATAERR
IOSchedulingClass=idle
`;

const TMPFILES_CLEAN_TIMER = `${SYSTEMD_HEADER}
[Unit]
Description=Daily Cleanup of Temporary Directories
Documentation=man:tmpfiles.d(5) man:systemd-tmpfiles(8)
ConditionPathExists=!/etc/initrd-release

[Timer]
OnBootSec=15min
OnUnitActiveSec=1d
`;

const LOGROTATE_SERVICE = `[Unit]
Description=Rotate log files
Documentation=man:logrotate(8) man:logrotate.conf(5)
RequiresMountsFor=/var/log
ConditionACPower=true

[Service]
Type=oneshot
ExecStart=/usr/sbin/logrotate /etc/logrotate.conf

# performance options
Nice=19
IOSchedulingClass=best-effort
IOSchedulingPriority=7

# hardening options
#  details: https://www.freedesktop.org/software/systemd/man/systemd.exec.html
#  no ProtectHome for userdir logs
#  no PrivateNetwork for mail deliviery
#  no NoNewPrivileges for third party rotate scripts
#  no RestrictSUIDSGID for creating setgid directories
LockPersonality=true
MemoryDenyWriteExecute=true
PrivateDevices=true
PrivateTmp=true
ProtectClock=true
ProtectControlGroups=true
ProtectHostname=true
ProtectKernelLogs=true
ProtectKernelModules=true
ProtectKernelTunables=true
ProtectSystem=full
RestrictNamespaces=true
RestrictRealtime=true
`;

const LOGROTATE_TIMER = `[Unit]
Description=Daily rotation of log files
Documentation=man:logrotate(8) man:logrotate.conf(5)

[Timer]
OnCalendar=daily
AccuracySec=1h
Persistent=true

[Install]
WantedBy=timers.target
`;

/**
 * AgentBaker's drop-in for a base image that already has logrotate.timer
 * (vhdbuilder/packer/packer_source.sh copies aks-logrotate-override.conf to
 * logrotate.timer.d/override.conf). Its text is unconfirmed: this is the hourly schedule of
 * AgentBaker's own aks-logrotate.timer (`OnCalendar=*-*-* *:00:00`, `RandomizedDelaySec=3m`).
 */
const LOGROTATE_TIMER_OVERRIDE = `[Timer]
OnCalendar=
OnCalendar=*-*-* *:00:00
RandomizedDelaySec=3m
`;

const FSTRIM_SERVICE = `[Unit]
Description=Discard unused blocks on filesystems from /etc/fstab
Documentation=man:fstrim(8)
ConditionVirtualization=!container

[Service]
Type=oneshot
ExecStart=/sbin/fstrim --listed-in /etc/fstab:/proc/self/mountinfo --verbose --quiet-unsupported
PrivateDevices=no
PrivateNetwork=yes
PrivateUsers=no
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectControlGroups=yes
MemoryDenyWriteExecute=yes
SystemCallFilter=@default @file-system @basic-io @system-service
`;

const FSTRIM_TIMER = `[Unit]
Description=Discard unused blocks once a week
Documentation=man:fstrim
ConditionVirtualization=!container
ConditionPathExists=!/etc/initrd-release

[Timer]
OnCalendar=weekly
AccuracySec=1h
Persistent=true
RandomizedDelaySec=6000

[Install]
WantedBy=timers.target
`;

const MAN_DB_SERVICE = `[Unit]
Description=Daily man-db regeneration
Documentation=man:mandb(8)
ConditionACPower=true

[Service]
Type=oneshot
# Recover from deletion, per FHS.
ExecStart=+/usr/bin/install -d -o man -g man -m 0755 /var/cache/man
# Expunge old catman pages which have not been read in a week.
ExecStart=/usr/bin/find /var/cache/man -type f -name *.gz -atime +6 -delete
# Regenerate man database.
ExecStart=/usr/bin/mandb --quiet
User=man
Nice=19
IOSchedulingClass=idle
IOSchedulingPriority=7
`;

const MAN_DB_TIMER = `[Unit]
Description=Daily man-db regeneration
Documentation=man:mandb(8)

[Timer]
OnCalendar=daily
RandomizedDelaySec=12h
AccuracySec=20min
Persistent=true

[Install]
WantedBy=timers.target
`;

const DPKG_DB_BACKUP_SERVICE = `[Unit]
Description=Daily dpkg database backup service
Documentation=man:dpkg(1)
ConditionACPower=true

[Service]
Type=oneshot
ExecStart=/usr/libexec/dpkg/dpkg-db-backup
`;

const DPKG_DB_BACKUP_TIMER = `[Unit]
Description=Daily dpkg database backup timer
Documentation=man:dpkg(1)

[Timer]
OnCalendar=daily
AccuracySec=1h
Persistent=true

[Install]
WantedBy=timers.target
`;

const E2SCRUB_ALL_SERVICE = `[Unit]
Description=Online ext4 Metadata Check for All Filesystems
ConditionCapability=CAP_SYS_ADMIN
ConditionCapability=CAP_SYS_RAWIO
Documentation=man:e2scrub_all(8)

[Service]
Type=oneshot
Environment=SERVICE_MODE=1
ExecStart=/sbin/e2scrub_all
SyslogIdentifier=e2scrub_all
`;

const E2SCRUB_ALL_TIMER = `[Unit]
Description=Periodic ext4 Online Metadata Check for All Filesystems
ConditionPathIsDirectory=/usr/lib/systemd/system

[Timer]
# Run on Sunday at 3:10am, to avoid running afoul of DST changes
OnCalendar=Sun *-*-* 03:10:00
RandomizedDelaySec=60
Persistent=true

[Install]
WantedBy=timers.target
`;

/** [path, text] of every package unit file; all go under /lib/systemd/system. */
export const OS_UNIT_FILES: [string, string][] = [
  ["systemd-journald.service", JOURNALD],
  ["systemd-udevd.service", UDEVD],
  ["systemd-networkd.service", NETWORKD],
  ["systemd-resolved.service", RESOLVED],
  ["systemd-logind.service", LOGIND],
  ["multipathd.service", MULTIPATHD],
  ["dbus.service", DBUS],
  ["cron.service", CRON],
  ["irqbalance.service", IRQBALANCE],
  ["networkd-dispatcher.service", NETWORKD_DISPATCHER],
  ["polkit.service", POLKIT],
  ["rsyslog.service", RSYSLOG],
  ["ssh.service", SSH],
  ["chrony.service", CHRONY],
  ["walinuxagent.service", WALINUXAGENT],
  ["systemd-tmpfiles-clean.service", TMPFILES_CLEAN_SERVICE],
  ["systemd-tmpfiles-clean.timer", TMPFILES_CLEAN_TIMER],
  ["logrotate.service", LOGROTATE_SERVICE],
  ["logrotate.timer", LOGROTATE_TIMER],
  ["fstrim.service", FSTRIM_SERVICE],
  ["fstrim.timer", FSTRIM_TIMER],
  ["man-db.service", MAN_DB_SERVICE],
  ["man-db.timer", MAN_DB_TIMER],
  ["dpkg-db-backup.service", DPKG_DB_BACKUP_SERVICE],
  ["dpkg-db-backup.timer", DPKG_DB_BACKUP_TIMER],
  ["e2scrub_all.service", E2SCRUB_ALL_SERVICE],
  ["e2scrub_all.timer", E2SCRUB_ALL_TIMER],
].map(([name, text]) => [`/lib/systemd/system/${name}`, text as string]);

/** AgentBaker's drop-ins for package units. */
export const OS_UNIT_DROPINS: [string, string][] = [
  ["/etc/systemd/system/logrotate.timer.d/override.conf", LOGROTATE_TIMER_OVERRIDE],
];

/**
 * Enabled package units and the target whose .wants/ links them (their [Install] sections);
 * the units without one (journald, udevd, logind, dbus, polkit, the tmpfiles timer) are
 * static: other units pull them in. multipathd is wanted by sysinit.target.
 */
export const OS_ENABLED: [string, string][] = [
  ["systemd-networkd.service", "multi-user.target"],
  ["systemd-resolved.service", "multi-user.target"],
  ["multipathd.service", "sysinit.target"],
  ["cron.service", "multi-user.target"],
  ["irqbalance.service", "multi-user.target"],
  ["networkd-dispatcher.service", "multi-user.target"],
  ["rsyslog.service", "multi-user.target"],
  ["ssh.service", "multi-user.target"],
  ["chrony.service", "multi-user.target"],
  ["walinuxagent.service", "multi-user.target"],
  ["logrotate.timer", "timers.target"],
  ["fstrim.timer", "timers.target"],
  ["man-db.timer", "timers.target"],
  ["dpkg-db-backup.timer", "timers.target"],
  ["e2scrub_all.timer", "timers.target"],
];
