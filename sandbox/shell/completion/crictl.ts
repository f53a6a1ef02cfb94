/**
 * `crictl` completion. crictl 1.32's own (`crictl completion bash`, urfave/cli) offers its
 * commands and global flags at any position; here the commands come first, then the
 * containers (`ps`'s 13-character IDs) for inspect/logs/exec/stop/rm/..., pods (`pods`'s
 * IDs) for inspectp/stopp/rmp/port-forward, images for rmi/inspecti, and names after
 * `--name`, all read from containerd as `crictl ps -a` would. With containerd down, as the
 * CLI cannot connect, only the commands.
 */
import { CONTAINERD_ENDPOINT } from "../../runtime/containerd";
import type { World } from "../../world";
import { type CommandCompletion, wordsReply } from "./types";

const COMMANDS = `attach create exec version images image img inspect inspecti imagefsinfo inspectp logs port-forward
  ps pull run runp rm rmi rmp pods start info stop stopp update config stats statsp metricdescs metricsp checkpoint
  runtime-config events event update-runtime-config completion help h`
  .split(/\s+/)
  .filter(Boolean);
const GLOBAL_FLAGS = [
  "--config",
  "-c",
  "--debug",
  "-D",
  "--enable-tracing",
  "--image-endpoint",
  "-i",
  "--runtime-endpoint",
  "-r",
  "--timeout",
  "-t",
  "--help",
  "-h",
  "--version",
  "-v",
];

const CONTAINER_COMMANDS = new Set([
  "attach",
  "exec",
  "inspect",
  "logs",
  "rm",
  "start",
  "stop",
  "update",
  "stats",
  "checkpoint",
]);
const POD_COMMANDS = new Set(["inspectp", "port-forward", "rmp", "stopp", "statsp"]);
const IMAGE_COMMANDS = new Set(["inspecti", "rmi"]);

/** crictl prints IDs cut to 13 characters (cmd/crictl/util.go truncateID). */
const short = (id: string) => id.slice(0, 13);

function connected(world: World): boolean {
  try {
    world.containerd.dial(CONTAINERD_ENDPOINT);
    return true;
  } catch {
    return false;
  }
}

export const completeCrictl: CommandCompletion = ({ world, words, cur, prev }) => {
  const command = words.slice(1, -1).find((w) => !w.startsWith("-"));
  if (cur.startsWith("-")) return wordsReply(GLOBAL_FLAGS);
  if (!command) return wordsReply(COMMANDS);
  if (!connected(world)) return wordsReply([]);
  const containers = world.containerd.listContainers();
  const sandboxes = world.containerd.listPodSandboxes();
  if (prev === "--name") return wordsReply((command === "pods" ? sandboxes : containers).map((c) => c.name));
  if (prev === "--pod" || prev === "-p") return wordsReply(sandboxes.map((s) => short(s.id)));
  if (CONTAINER_COMMANDS.has(command)) return wordsReply(containers.map((c) => short(c.id)));
  if (POD_COMMANDS.has(command)) return wordsReply(sandboxes.map((s) => short(s.id)));
  if (IMAGE_COMMANDS.has(command)) return wordsReply(new Set(containers.map((c) => c.image)));
  return wordsReply([]);
};
