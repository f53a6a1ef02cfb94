/**
 * AKS's own timers and the oneshot services they start, as AgentBaker installs them under
 * /etc/systemd/system (vhdbuilder/packer/packer_source.sh copyPackerFiles):
 * parts/linux/cloud-init/artifacts/aks-log-collector.{timer,service,slice} (the VHD build
 * enables the timer: pre-install-dependencies.sh `systemctlEnableAndStart
 * aks-log-collector.timer`) and artifacts/ubuntu/snapshot-update.{service,timer} (the CSE's
 * ensureSnapshotUpdate enables and starts the timer). The snapshot-update.timer text is the
 * stored copy found by its Description; its path in AgentBaker could not be opened.
 */
const AKS_LOG_COLLECTOR_TIMER = `[Unit]
Description=AKS Log Collector Timer

[Timer]
OnActiveSec=10min
OnUnitActiveSec=60m

[Install]
WantedBy=timers.target
`;

const AKS_LOG_COLLECTOR_SERVICE = `[Unit]
Description=AKS Log Collector

[Service]
Type=oneshot
Slice=aks-log-collector.slice
ExecStart=/opt/azure/containers/aks-log-collector.sh
Restart=on-failure
RemainAfterExit=no
`;

const AKS_LOG_COLLECTOR_SLICE = `[Unit]
Description=AKS Log Collector Slice
DefaultDependencies=no
Before=slices.target
Requires=system.slice
After=system.slice

[Slice]
CPUAccounting=true
#CPUQuota=10%
CPUShares=100
CPUWeight=1
MemoryMax=256M
`;

const SNAPSHOT_UPDATE_SERVICE = `[Unit]
Description=Snapshot Update Service

[Service]
Type=oneshot
ExecStart=/opt/azure/containers/ubuntu-snapshot-update.sh

TimeoutStartSec=60min

KillMode=control-group
KillSignal=SIGTERM
FinalKillSignal=SIGKILL
`;

const SNAPSHOT_UPDATE_TIMER = `[Unit]
Description=Runs snapshot update script periodically

[Timer]
OnBootSec=10min
OnUnitActiveSec=10min

[Install]
WantedBy=multi-user.target`;

export const AKS_UNIT_FILES: [string, string][] = [
  ["/etc/systemd/system/aks-log-collector.timer", AKS_LOG_COLLECTOR_TIMER],
  ["/etc/systemd/system/aks-log-collector.service", AKS_LOG_COLLECTOR_SERVICE],
  ["/etc/systemd/system/aks-log-collector.slice", AKS_LOG_COLLECTOR_SLICE],
  ["/etc/systemd/system/snapshot-update.service", SNAPSHOT_UPDATE_SERVICE],
  ["/etc/systemd/system/snapshot-update.timer", SNAPSHOT_UPDATE_TIMER],
];

export const AKS_ENABLED: [string, string][] = [
  ["aks-log-collector.timer", "timers.target"],
  ["snapshot-update.timer", "multi-user.target"],
];
