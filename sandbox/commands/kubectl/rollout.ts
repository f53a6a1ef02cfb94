/**
 * kubectl rollout status|restart|history|undo for Deployments (staging/src/k8s.io/kubectl/
 * pkg/cmd/rollout and pkg/polymorphichelpers: DeploymentStatusViewer, defaultObjectRestarter,
 * DeploymentHistoryViewer, DeploymentRollbacker). These are client-side: they read the
 * Deployment and its ReplicaSets and write the Deployment; the deployment controller
 * (cluster/deployment-controller.ts) does the rolling.
 */
import { replicaSetsOf } from "../../cluster/deployment-controller";
import { clone } from "../../cluster/pod-util";
import type { Deployment, ReplicaSet } from "../../cluster/types";
import { rfc3339 } from "../../util/time-format";
import type { World } from "../../world";
import { type CommandIo, type ExecResult, fail, ok } from "../types";
import { parseFlags, str } from "./flags";
import { goTabwrite } from "./tabwriter";
import { waitFor } from "./wait";
import { findWorkload } from "./workload-target";

const REVISION = "deployment.kubernetes.io/revision";

/** DeploymentStatusViewer.Status: the line to print and whether the rollout is done. */
export function rolloutStatus(d: Deployment): [string, boolean] {
  const name = d.metadata.name;
  const s = d.status;
  if ((d.metadata.generation ?? 1) > (s.observedGeneration ?? 0)) {
    return ["Waiting for deployment spec update to be observed...\n", false];
  }
  if (s.conditions?.find((c) => c.type === "Progressing")?.reason === "ProgressDeadlineExceeded") {
    return [`error: deployment "${name}" exceeded its progress deadline\n`, true];
  }
  const updated = s.updatedReplicas ?? 0;
  if (updated < d.spec.replicas) {
    return [
      `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${d.spec.replicas} new replicas have been updated...\n`,
      false,
    ];
  }
  if ((s.replicas ?? 0) > updated) {
    return [
      `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`,
      false,
    ];
  }
  if ((s.availableReplicas ?? 0) < updated) {
    return [
      `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`,
      false,
    ];
  }
  return [`deployment "${name}" successfully rolled out\n`, true];
}

/**
 * rollout status: the status now, then again on every change to the Deployment (kubectl
 * prints on each watch event, repeats included) until it is rolled out. The node's time runs
 * on while it waits, as for delete and drain; Ctrl-C stops it.
 */
async function status(world: World, io: CommandIo, d: Deployment, watch: boolean): Promise<ExecResult> {
  let [line, done] = rolloutStatus(d);
  io.write(line);
  if (done || !watch) return ok();
  const stop = world.store.watch((e) => {
    if (done || e.resource !== "deployments" || e.object.metadata.uid !== d.metadata.uid) return;
    [line, done] = rolloutStatus(e.object as Deployment);
    io.write(line);
  });
  const finished = await waitFor(world, io, () => done);
  stop();
  return finished ? ok() : { stdout: "", stderr: "", exitCode: 130 };
}

/** defaultObjectRestarter: a new template annotation, so a new ReplicaSet rolls out. */
function restart(world: World, d: Deployment): ExecResult {
  const template = clone(d.spec.template);
  template.metadata.annotations = {
    ...template.metadata.annotations,
    "kubectl.kubernetes.io/restartedAt": rfc3339(world.clock.now()),
  };
  d.spec.template = template;
  world.controlPlane.api.updateSpec("deployments", d);
  world.clock.settle();
  return ok(`deployment.apps/${d.metadata.name} restarted\n`);
}

const revisions = (rss: ReplicaSet[]) =>
  new Map(rss.map((rs) => [Number(rs.metadata.annotations?.[REVISION] ?? 0), rs] as const));

/** DeploymentHistoryViewer: revisions in order with their change-cause annotation. */
function history(world: World, d: Deployment): ExecResult {
  const { newRS, oldRSs } = replicaSetsOf(world.store, d);
  const byRevision = revisions([...oldRSs, ...(newRS ? [newRS] : [])]);
  let table = "REVISION\tCHANGE-CAUSE\n";
  for (const r of [...byRevision.keys()].filter((r) => r > 0).sort((a, b) => a - b)) {
    table += `${r}\t${byRevision.get(r)?.metadata.annotations?.["kubernetes.io/change-cause"] ?? "<none>"}\n`;
  }
  return ok(`deployment.apps/${d.metadata.name} \n${goTabwrite(table)}\n`);
}

/** DeploymentRollbacker: the template of the wanted revision (default: the previous one) back into the Deployment. */
function undo(world: World, d: Deployment, toRevision: number): ExecResult {
  const { newRS, oldRSs } = replicaSetsOf(world.store, d);
  const byRevision = revisions([...oldRSs, ...(newRS ? [newRS] : [])]);
  const sorted = [...byRevision.keys()].sort((a, b) => b - a);
  let target: ReplicaSet | undefined;
  if (toRevision === 0) {
    if ((sorted[1] ?? 0) === 0) return fail(`error: no rollout history found for deployment "${d.metadata.name}"\n`);
    target = byRevision.get(sorted[1] as number);
  } else {
    target = byRevision.get(toRevision);
    if (!target) return fail(`error: unable to find specified revision ${toRevision} in history\n`);
  }
  const template = clone((target as ReplicaSet).spec.template);
  const { "pod-template-hash": _, ...labels } = template.metadata.labels;
  template.metadata.labels = labels;
  const revision = Number(target?.metadata.annotations?.[REVISION] ?? 0);
  if (JSON.stringify(template) === JSON.stringify(d.spec.template)) {
    return ok(
      `deployment.apps/${d.metadata.name} skipped rollback (current template already matches revision ${revision})\n`,
    );
  }
  d.spec.template = template;
  world.controlPlane.api.updateSpec("deployments", d);
  world.clock.settle();
  return ok(`deployment.apps/${d.metadata.name} rolled back\n`);
}

export async function rollout(argv: string[], io: CommandIo, world: World): Promise<ExecResult> {
  const [sub, ...rest] = argv;
  const parsed = parseFlags(`rollout ${sub ?? ""}`.trim(), rest, [
    { long: ["watch"], short: "w", type: "bool" },
    { long: ["to-revision"], type: "int" },
    { long: ["timeout"], type: "string" },
  ]);
  if ("error" in parsed) return fail(`${parsed.error}\n`);
  const namespace = str(parsed.flags.namespace) ?? "default";
  if (!sub || !["status", "restart", "history", "undo"].includes(sub)) {
    return fail(
      sub
        ? `error: unknown command "${sub}" for "kubectl rollout"\nRun 'kubectl rollout --help' for usage.\n`
        : "Manage the rollout of one or many resources.\n\nAvailable Commands:\n  history       View rollout history\n  pause         Mark the provided resource as paused\n  restart       Restart a resource\n  resume        Resume a paused resource\n  status        Show the status of the rollout\n  undo          Undo a previous rollout\n\nUsage:\n  kubectl rollout SUBCOMMAND [options]\n",
    );
  }
  const target = findWorkload(world, parsed.args, namespace, `rollout ${sub}`, ["deployments"]);
  if ("exitCode" in target) return target;
  const d = target.object as Deployment;
  switch (sub) {
    case "status":
      return status(world, io, d, parsed.flags.watch !== false);
    case "restart":
      return restart(world, d);
    case "history":
      return history(world, d);
    default:
      return undo(world, d, Number(parsed.flags["to-revision"] ?? 0));
  }
}
