/** What the host daemons' programs need from the node: its clock, journal, ports and identity. */
import type { SimClock } from "../../clock";
import type { NodeFs } from "../fs";
import type { Journal } from "../journal";
import type { Listeners } from "../net/listeners";

export interface HostIdentity {
  hostname: string;
  machineId: string;
  nodeIp: string;
  gateway: string;
  /** The DNS server and search domain DHCP gave eth0 (Azure DNS, the VNet's internal suffix). */
  dns: string;
  dnsSuffix: string;
}

export interface OsDeps {
  clock: SimClock;
  journal: Journal;
  listeners: Listeners;
  fs: NodeFs;
  host: HostIdentity;
}
