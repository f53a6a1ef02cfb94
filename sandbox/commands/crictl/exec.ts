/**
 * crictl exec and attach (cri-tools 1.32 cmd/crictl/exec.go, attach.go). exec's flags end at
 * the first argument (the container ID); the rest is the command. Without --sync the output
 * streams through containerd's streaming server: a non-zero exit comes back as
 * `command terminated with exit code N`, a process runc cannot start as the server's
 * `Internal error occurred: error executing command in container: ...`, both fatal (exit 1).
 * With --sync (ExecSync) stdout and stderr are printed with Println each, and a non-zero
 * exit becomes crictl's own exit status after `non-zero exit code`.
 */
import { CriCallError } from "../../runtime/cri";
import { ExecStartError } from "../../runtime/exec";
import type { World } from "../../world";
import type { CommandIo, ExecResult } from "../types";
import { CrictlError } from "./containers";

const BOOL = new Set([
  "-s",
  "--sync",
  "-t",
  "--tty",
  "-i",
  "--interactive",
  "-q",
  "--quiet",
  "-e",
  "--ignore-errors",
  "-x",
  "--parallel",
]);
const VALUED = new Set([
  "--timeout",
  "-r",
  "--transport",
  "--tls-sni",
  "--tls-server-name",
  "--tls-ca",
  "--tls-cert",
  "--tls-key",
]);

export const EXEC_USAGE = `NAME:
   crictl exec - Run a command in a running container

USAGE:
   crictl exec [command options] [CONTAINER-ID] COMMAND [ARG...]

DESCRIPTION:
   The CONTAINER-ID is only required if none of the following filter flags are set:
   --image, --label, --last, --latest, --name, --pod, --state
`;

/** Parse like urfave/cli: flags (short ones combinable, `-it`) until the first argument. */
export function parseExecArgs(args: string[]): { flags: Set<string>; rest: string[] } | { error: string } {
  const flags = new Set<string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--") {
      i++;
      break;
    }
    if (!a.startsWith("-") || a === "-") break;
    const name = a.split("=")[0] as string;
    if (BOOL.has(name)) flags.add(name.replace(/^-+/, "").slice(0, 1));
    else if (VALUED.has(name)) {
      if (!a.includes("=")) i++;
    } else if (/^-[stiqex]+$/.test(a)) for (const l of a.slice(1)) flags.add(l);
    else return { error: `flag provided but not defined: ${name.replace(/^--?/, "-")}` };
  }
  return { flags, rest: args.slice(i) };
}

export function exec(args: string[], world: World, io: CommandIo): ExecResult {
  const parsed = parseExecArgs(args);
  if ("error" in parsed)
    return { stdout: "", stderr: `Incorrect Usage: ${parsed.error}\n\n${EXEC_USAGE}`, exitCode: 1 };
  const [id, ...cmd] = parsed.rest;
  if (!id || cmd.length === 0) return { stdout: EXEC_USAGE, stderr: "", exitCode: 0 };
  const sync = parsed.flags.has("s");
  const interactive = parsed.flags.has("i");
  try {
    const out = world.containerd.exec(id, cmd, interactive ? io.stdin : "");
    if (sync) {
      const stdout = `${out.stdout}\n${out.stderr}\n`;
      return out.exitCode === 0
        ? { stdout, stderr: "", exitCode: 0 }
        : { stdout, stderr: "non-zero exit code\n", exitCode: out.exitCode };
    }
    if (parsed.flags.has("t") && !interactive) {
      throw new CrictlError(`execing command in container ${id}: tty=true must be specified with interactive=true`);
    }
    if (out.exitCode !== 0) {
      return {
        stdout: out.stdout,
        stderr: `${out.stderr}FATA[0000] execing command in container ${id}: command terminated with exit code ${out.exitCode}\n`,
        exitCode: 1,
      };
    }
    return { stdout: out.stdout, stderr: out.stderr, exitCode: 0 };
  } catch (e) {
    const how = sync ? `execing command in container ${id} synchronously` : `execing command in container ${id}`;
    if (e instanceof CriCallError) {
      // ExecSync wraps the lookup in "failed to exec in container"; Exec returns it bare.
      const desc = sync ? `failed to exec in container: ${e.desc}` : e.desc;
      throw new CrictlError(`${how}: rpc error: code = ${e.code} desc = ${desc}`);
    }
    if (e instanceof ExecStartError) {
      if (sync)
        throw new CrictlError(`${how}: rpc error: code = Unknown desc = failed to exec in container: ${e.message}`);
      throw new CrictlError(
        `${how}: Internal error occurred: error executing command in container: failed to exec in container: ${e.message}`,
      );
    }
    throw e;
  }
}

/**
 * crictl attach: the container's own stdout/stderr from now on, until it exits or Ctrl-C
 * (what it already printed is `crictl logs`).
 */
export function attach(args: string[], world: World, io: CommandIo): ExecResult | Promise<ExecResult> {
  const positional = args.filter((a) => !a.startsWith("-"));
  const [id] = positional;
  if (!id) throw new CrictlError("ID cannot be empty");
  let target: string;
  try {
    target = world.containerd.attachable(id).id;
  } catch (e) {
    if (!(e instanceof CriCallError)) throw e;
    throw new CrictlError(`attaching running container failed: ${e.message}`);
  }
  const signal = io.signal;
  if (!signal || signal.aborted) return { stdout: "", stderr: "", exitCode: 130 };
  io.follow();
  return new Promise<ExecResult>((resolve) => {
    const stopLogs = world.containerd.onContainerLog((rec, line) => {
      if (rec.id !== target) return;
      const m = /^\S+ (stdout|stderr) ([FP]) (.*)$/.exec(line);
      if (m) io.write(`${m[3]}${m[2] === "F" ? "\n" : ""}`);
    });
    const stopExit = world.containerd.onContainerExit((rec) => {
      if (rec.id === target) finish(0);
    });
    function finish(code: number) {
      stopLogs();
      stopExit();
      resolve({ stdout: "", stderr: "", exitCode: code });
    }
    signal.addEventListener("abort", () => finish(130), { once: true });
  });
}
