/** What the host daemons' programs need from the node: its clock, journal, ports and identity. */
import type { SimClock } from "../../clock";
import type { Journal } from "../journal";
import type { Listeners } from "../net/listeners";

export interface HostIdentity {
  hostname: string;
  machineId: string;
  nodeIp: string;
  gateway: string;
}

export interface OsDeps {
  clock: SimClock;
  journal: Journal;
  listeners: Listeners;
  host: HostIdentity;
}
