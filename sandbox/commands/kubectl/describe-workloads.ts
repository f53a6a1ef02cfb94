/**
 * kubectl describe deployment|replicaset|daemonset (describe.go: describeDeployment,
 * describeReplicaSet, describeDaemonSet, getPodStatusForController): the controller's counts,
 * its pod template, conditions, the ReplicaSets a Deployment owns, and events.
 */
import { replicaSetsOf } from "../../cluster/deployment-controller";
import { formatLabels, matchesSelector } from "../../cluster/labels";
import { controllerRef } from "../../cluster/pod-util";
import type { DaemonSet, Deployment, KubeObject, Pod, ReplicaSet } from "../../cluster/types";
import type { World } from "../../world";
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline, rfc1123z } from "./describe-format";
import { describePodTemplate } from "./describe-pod";

/** getPodStatusForController: the selected pods this controller owns, by phase. */
function podsStatus(world: World, owner: ReplicaSet | DaemonSet): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const p of world.store.list<Pod>("pods", owner.metadata.namespace)) {
    if (!matchesSelector(p.metadata.labels, owner.spec.selector)) continue;
    if (controllerRef(p)?.uid !== owner.metadata.uid) continue;
    if (p.status.phase in counts) counts[p.status.phase as keyof typeof counts]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

const selectorText = (o: { spec: { selector: { matchLabels?: Record<string, string> } } }) =>
  formatLabels(o.spec.selector.matchLabels).replace("<none>", "");

const events = (world: World, o: KubeObject) =>
  describeEvents(eventsFor(world, o.kind, o.metadata.name, o.metadata.namespace), world.clock.now());

/** printReplicaSetsByLabels: `name (current/desired replicas created)`, or <none>. */
const replicaSetList = (rss: ReplicaSet[]) =>
  rss.map((rs) => `${rs.metadata.name} (${rs.status.replicas ?? 0}/${rs.spec.replicas} replicas created)`).join(", ") ||
  "<none>";

export function describeDeployment(world: World, d: Deployment): string {
  const s = d.status;
  let out = `Name:\t${d.metadata.name}\nNamespace:\t${d.metadata.namespace}\n`;
  out += `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`;
  out += labelsMultiline("Labels", d.metadata.labels);
  out += annotationsMultiline("Annotations", d.metadata.annotations);
  out += `Selector:\t${selectorText(d)}\n`;
  out += `Replicas:\t${d.spec.replicas} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`;
  out += `StrategyType:\t${d.spec.strategy?.type ?? "RollingUpdate"}\n`;
  out += `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`;
  const ru = d.spec.strategy?.rollingUpdate;
  if (ru) out += `RollingUpdateStrategy:\t${ru.maxUnavailable} max unavailable, ${ru.maxSurge} max surge\n`;
  out += describePodTemplate(d.spec.template);
  if (s.conditions?.length) {
    out += "Conditions:\n  Type\tStatus\tReason\n  ----\t------\t------\n";
    for (const c of s.conditions) out += `  ${c.type} \t${c.status}\t${c.reason}\n`;
  }
  const { newRS, oldRSs } = replicaSetsOf(world.store, d);
  if (newRS || oldRSs.length) {
    out += `OldReplicaSets:\t${replicaSetList(oldRSs)}\n`;
    out += `NewReplicaSet:\t${replicaSetList(newRS ? [newRS] : [])}\n`;
  }
  return out + events(world, d);
}

export function describeReplicaSet(world: World, rs: ReplicaSet): string {
  let out = `Name:\t${rs.metadata.name}\nNamespace:\t${rs.metadata.namespace}\n`;
  out += `Selector:\t${selectorText(rs)}\n`;
  out += labelsMultiline("Labels", rs.metadata.labels);
  out += annotationsMultiline("Annotations", rs.metadata.annotations);
  const owner = controllerRef(rs);
  if (owner) out += `Controlled By:\t${owner.kind}/${owner.name}\n`;
  out += `Replicas:\t${rs.status.replicas ?? 0} current / ${rs.spec.replicas} desired\n`;
  out += `Pods Status:\t${podsStatus(world, rs)}\n`;
  out += describePodTemplate(rs.spec.template);
  return out + events(world, rs);
}

export function describeDaemonSet(world: World, ds: DaemonSet): string {
  const s = ds.status;
  let out = `Name:\t${ds.metadata.name}\nNamespace:\t${ds.metadata.namespace}\n`;
  out += `Selector:\t${selectorText(ds)}\n`;
  out += `Node-Selector:\t${formatLabels(ds.spec.template.spec.nodeSelector)}\n`;
  out += labelsMultiline("Labels", ds.metadata.labels);
  out += annotationsMultiline("Annotations", ds.metadata.annotations);
  out += `Desired Number of Nodes Scheduled: ${s.desiredNumberScheduled}\n`;
  out += `Current Number of Nodes Scheduled: ${s.currentNumberScheduled}\n`;
  out += `Number of Nodes Scheduled with Up-to-date Pods: ${s.updatedNumberScheduled ?? 0}\n`;
  out += `Number of Nodes Scheduled with Available Pods: ${s.numberAvailable ?? 0}\n`;
  out += `Number of Nodes Misscheduled: ${s.numberMisscheduled}\n`;
  out += `Pods Status:\t${podsStatus(world, ds)}\n`;
  out += describePodTemplate(ds.spec.template);
  return out + events(world, ds);
}
