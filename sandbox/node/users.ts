/**
 * The node's system users, as /etc/passwd on the AKS Ubuntu 22.04 image numbers them: the
 * base cloud image's users in the order their packages created them (systemd-network 100,
 * systemd-resolve 101, messagebus 102, systemd-timesync 103, syslog 104, ...), then _chrony,
 * created when AgentBaker installs chrony on top (its UID is unconfirmed). Processes carry a
 * login name (man is base-passwd's 6, for man-db.service's User=); `ps -n`, /proc/PID/status and top need the number behind it.
 */
const UIDS: Record<string, number> = {
  root: 0,
  man: 6,
  "systemd-network": 100,
  "systemd-resolve": 101,
  messagebus: 102,
  "systemd-timesync": 103,
  syslog: 104,
  _apt: 105,
  sshd: 109,
  _chrony: 113,
  azureuser: 1000,
};

/** The UID of a login name; a bare number (the pause processes' 65535) is its own UID. */
export function uidOf(user: string): number {
  return UIDS[user] ?? Number(user);
}

/** The login name `ps` prints for a UID: the name, or the number when passwd has none. */
export function userOf(uid: number): string {
  return Object.entries(UIDS).find(([, n]) => n === uid)?.[0] ?? String(uid);
}
