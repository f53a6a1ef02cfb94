/**
 * An interface's traffic counters (what /proc/net/dev and `ip -s link` read). The simulation
 * does not carry the node's real traffic (the kubelet's API watches, image pulls, probes), so
 * the counters are a deterministic function of the link's age: a steady rate per kind of link
 * (eth0 busiest, the host's loopback for local health checks, each pod's veth a little), varied
 * per link by a hash of its name so pods differ. They only grow, and the same node at the same
 * time always reads the same numbers. The packet path's own connections are not added in.
 * A veth pair is one wire: what the host end receives the pod's eth0 sent.
 */
import { sha256Hex } from "../../util/sha256";
import type { Link } from "./stack";

export interface LinkCounters {
  rxBytes: number;
  rxPackets: number;
  txBytes: number;
  txPackets: number;
  multicast: number;
}

interface Rates {
  rxBytes: number;
  rxPackets: number;
  txBytes: number;
  txPackets: number;
}

/** Per second. eth0: the API server's watches and the node's status updates, pulls aside. */
const ETHER: Rates = { rxBytes: 9_412, rxPackets: 41.3, txBytes: 7_108, txPackets: 36.2 };
/** The host's lo: healthz probes, containerd's metrics, the DNS stub. */
const LOOPBACK: Rates = { rxBytes: 1_157, rxPackets: 13.4, txBytes: 1_157, txPackets: 13.4 };
/** A pod's veth seen from the host: what the pod sends (rx) and what reaches it (tx). */
const VETH_HOST: Rates = { rxBytes: 312, rxPackets: 3.1, txBytes: 421, txPackets: 3.4 };

const ZERO: Rates = { rxBytes: 0, rxPackets: 0, txBytes: 0, txPackets: 0 };

/** 0.6 .. 1.4, stable per name. */
const spread = (name: string) => 0.6 + (Number.parseInt(sha256Hex(`link:${name}`).slice(0, 4), 16) / 0xffff) * 0.8;

function ratesOf(link: Link): Rates {
  if (link.kind === "ether") return ETHER;
  if (link.kind === "loopback") return LOOPBACK;
  // The pod's end of a veth is named eth0; its peer on the host carries the pair's name.
  const podSide = !link.name.startsWith("azv");
  const hostName = podSide ? (link.peer?.link.name ?? link.name) : link.name;
  const k = spread(hostName);
  const scaled: Rates = {
    rxBytes: VETH_HOST.rxBytes * k,
    rxPackets: VETH_HOST.rxPackets * k,
    txBytes: VETH_HOST.txBytes * k,
    txPackets: VETH_HOST.txPackets * k,
  };
  return podSide
    ? { rxBytes: scaled.txBytes, rxPackets: scaled.txPackets, txBytes: scaled.rxBytes, txPackets: scaled.rxPackets }
    : scaled;
}

/** A pod's own loopback carries nothing here (its processes' sockets are not modelled). */
export function linkCounters(link: Link, now: number, hostNamespace: boolean): LinkCounters {
  const ageS = Math.max(0, (now - (link.createdAt ?? now)) / 1000);
  const r = link.kind === "loopback" && !hostNamespace ? ZERO : ratesOf(link);
  return {
    rxBytes: Math.floor(r.rxBytes * ageS),
    rxPackets: Math.floor(r.rxPackets * ageS),
    txBytes: Math.floor(r.txBytes * ageS),
    txPackets: Math.floor(r.txPackets * ageS),
    multicast: 0,
  };
}
