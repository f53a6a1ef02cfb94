/**
 * kubectl (v1.32.7 on the node, talking to the cluster's API server through
 * /root/.kube/config): get, describe, delete, cordon/uncordon/drain, logs, run, apply, create, expose,
 * rollout, set image and scale, each in its own file. Errors as kubectl prints them; without a kubeconfig it falls back to
 * localhost:8080 and fails like the real client.
 */
import type { World } from "../../world";
import { type Command, type ExecResult, fail, ok } from "../types";
import { apply } from "./apply";
import { create } from "./create";
import { del } from "./delete";
import { describeCommand } from "./describe";
import { execCommand } from "./exec";
import { expose } from "./expose";
import { get } from "./get";
import { logs } from "./logs";
import { cordon, drain } from "./node-maintenance";
import { rollout } from "./rollout";
import { run } from "./run";
import { scale, setImage } from "./set-scale";

function noKubeconfig(world: World): ExecResult {
  const stamp = new Date(world.clock.now()).toISOString();
  const klog = `E${stamp.slice(5, 7)}${stamp.slice(8, 10)} ${stamp.slice(11, 23)}000   4123 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"\n`;
  return fail(
    `${klog.repeat(5)}The connection to the server localhost:8080 was refused - did you specify the right host or port?\n`,
  );
}

export const kubectl: Command = (args, io, world) => {
  const [verb, ...rest] = args;
  if (verb === "version" && rest.includes("--client")) {
    return ok("Client Version: v1.32.7\nKustomize Version: v5.5.0\n");
  }
  const kubeconfig = io.env.KUBECONFIG || "/root/.kube/config";
  if (!world.fs.existsSync(kubeconfig)) return noKubeconfig(world);
  switch (verb) {
    case "get":
      return get(rest, world, io);
    case "describe":
      return describeCommand(rest, world);
    case "delete":
      return del(rest, io, world);
    case "cordon":
      return cordon(rest, world, true);
    case "uncordon":
      return cordon(rest, world, false);
    case "drain":
      return drain(rest, io, world);
    case "logs":
      return logs(rest, world, io);
    case "exec":
      return execCommand(rest, world, io);
    case "run":
      return run(rest, world);
    case "apply":
      return apply(rest, io, world);
    case "create":
      return create(rest, world);
    case "expose":
      return expose(rest, world);
    case "rollout":
      return rollout(rest, io, world);
    case "set":
      return setImage(rest, world);
    case "scale":
      return scale(rest, world);
    case undefined:
      return ok(USAGE);
    default:
      return fail(`error: unknown command "${verb}" for "kubectl"\nRun 'kubectl --help' for usage.\n`);
  }
};

const USAGE = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  run             Run a particular image on the cluster
  set             Set specific features on objects

Basic Commands (Intermediate):
  explain         Get documentation for a resource
  get             Display one or many resources
  edit            Edit a resource on the server
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Cluster Management Commands:
  cordon          Mark node as unschedulable
  uncordon        Mark node as schedulable
  drain           Drain node in preparation for maintenance

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources
  logs            Print the logs for a container in a pod
  exec            Execute a command in a container

Deploy Commands:
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment, replica set, or replication controller

Advanced Commands:
  apply           Apply a configuration to a resource by file name or stdin

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
