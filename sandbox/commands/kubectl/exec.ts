/**
 * kubectl exec POD [-c CONTAINER] [-i] [-t] -- COMMAND (staging/src/k8s.io/kubectl/pkg/cmd/
 * exec/exec.go): the API server opens the pod's exec subresource on the kubelet
 * (:10250), which runs the command through CRI. The command's output passes through; a
 * non-zero exit is `command terminated with exit code N` and kubectl's own status; with the
 * kubelet down the API server cannot dial it.
 */
import type { Node, Pod } from "../../cluster/types";
import { CriCallError, CriDialError } from "../../runtime/cri";
import { ExecStartError } from "../../runtime/exec";
import type { World } from "../../world";
import { type CommandIo, type ExecResult, fail } from "../types";
import { parseFlags, str } from "./flags";

export function execCommand(argv: string[], world: World, io: CommandIo): ExecResult {
  const dash = argv.indexOf("--");
  const before = dash >= 0 ? argv.slice(0, dash) : argv;
  const command = dash >= 0 ? argv.slice(dash + 1) : [];
  const parsed = parseFlags("exec", before, [
    { long: ["container"], short: "c", type: "string" },
    { long: ["stdin"], short: "i", type: "bool" },
    { long: ["tty"], short: "t", type: "bool" },
    { long: ["quiet"], short: "q", type: "bool" },
  ]);
  if ("error" in parsed) return fail(`${parsed.error}\n`);
  const { flags, args } = parsed;
  const help = "See 'kubectl exec -h' for help and examples\n";
  if (args.length > 1 || (dash < 0 && args.length === 1 && command.length === 0 && before.length > 1)) {
    return fail(`error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n${help}`);
  }
  const target = args[0]?.replace(/^(pods?|po)\//, "");
  if (!target) return fail(`error: pod, type/name or --filename must be specified\n${help}`);
  if (command.length === 0) return fail(`error: you must specify at least one command for the container\n${help}`);
  const namespace = str(flags.namespace) ?? "default";
  const pod = world.store.get<Pod>("pods", target, namespace);
  if (!pod) return fail(`Error from server (NotFound): pods "${target}" not found\n`);
  if (pod.status.phase === "Succeeded" || pod.status.phase === "Failed") {
    return fail(`error: cannot exec into a container in a completed pod; current phase is ${pod.status.phase}\n`);
  }
  let stderr = "";
  let container = str(flags.container);
  if (!container) {
    container = pod.spec.containers[0]?.name ?? "";
    if (pod.spec.containers.length > 1 && !flags.quiet) {
      stderr += `Defaulted container "${container}" out of: ${pod.spec.containers.map((c) => c.name).join(", ")}\n`;
    }
  }
  const node = world.store.get<Node>("nodes", pod.spec.nodeName ?? "");
  const ip = node?.status.addresses.find((a) => a.type === "InternalIP")?.address ?? "";
  if (!world.kubelet.flags) {
    return fail(
      `${stderr}Error from server: error dialing backend: dial tcp ${ip}:10250: connect: connection refused\n`,
    );
  }
  // The kubelet finds the running container of that name in the pod (GetExec).
  const status = [...(pod.status.containerStatuses ?? []), ...(pod.status.initContainerStatuses ?? [])].find(
    (s) => s.name === container,
  );
  const id = status?.state.running ? status.containerID?.replace(/^containerd:\/\//, "") : undefined;
  if (!id) return fail(`${stderr}error: unable to upgrade connection: container not found ("${container}")\n`);
  try {
    const out = world.containerd.exec(id, command, flags.stdin ? io.stdin : "");
    // With a TTY both streams arrive on stdout.
    const tty = flags.tty && flags.stdin;
    const result = {
      stdout: tty ? out.stdout + out.stderr : out.stdout,
      stderr: stderr + (tty ? "" : out.stderr),
      exitCode: out.exitCode,
    };
    if (out.exitCode !== 0) result.stderr += `command terminated with exit code ${out.exitCode}\n`;
    return result;
  } catch (e) {
    if (e instanceof ExecStartError) {
      return fail(
        `${stderr}error: Internal error occurred: error executing command in container: failed to exec in container: ${e.message}\n`,
      );
    }
    if (e instanceof CriCallError || e instanceof CriDialError) {
      return fail(`${stderr}error: Internal error occurred: error executing command in container: ${e.message}\n`);
    }
    throw e;
  }
}
