/**
 * `npm run shell` (scripts/shell.ts) end to end: the real process, whole stdout and stderr, exit
 * status. Each spawn starts tsx (~1 s), so the cases are few and run concurrently.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scenarioNames } from "../../sandbox/index";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = join(root, "node_modules/.bin/tsx");

interface Outcome {
  stdout: string;
  stderr: string;
  status: number | null;
}

function shell(args: string[], stdin = ""): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["scripts/shell.ts", ...args], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ stdout, stderr, status }));
    child.stdin.end(stdin);
  });
}

describe.concurrent("npm run shell", { timeout: 30_000 }, () => {
  it("-c runs one line and passes its stdout and status through", async () => {
    expect(await shell(["-c", "hostname"])).toEqual({
      stdout: "aks-nodepool1-12345678-vmss000000\n",
      stderr: "",
      status: 0,
    });
  });

  it("-c passes a failing command's stderr and status through", async () => {
    expect(await shell(["-c", "nosuchcmd"])).toEqual({
      stdout: "",
      stderr: "bash: nosuchcmd: command not found\n",
      status: 127,
    });
  });

  it("refuses an unknown scenario with the known ones, status 2", async () => {
    expect(await shell(["--scenario", "nosuch", "-c", "hostname"])).toEqual({
      stdout: "",
      stderr: `shell: unknown scenario "nosuch"; known: ${scenarioNames.join(", ")}\n`,
      status: 2,
    });
  });

  it("--seed boots the node with that seed (random-fault's seed 2 stops the kubelet)", async () => {
    expect(await shell(["--scenario", "random-fault", "--seed", "2", "-c", "systemctl is-active kubelet"])).toEqual({
      stdout: "inactive\n",
      stderr: "",
      status: 3,
    });
  });

  it("refuses a --seed that is not an integer, status 2", async () => {
    expect(await shell(["--seed", "two", "-c", "hostname"])).toEqual({
      stdout: "",
      stderr: 'shell: --seed wants an integer, got "two"\n',
      status: 2,
    });
  });

  it("runs piped lines in order until exit N, like bash < script", async () => {
    expect(await shell([], "hostname\nnosuchcmd\nexit 3\nhostname\n")).toEqual({
      stdout: "aks-nodepool1-12345678-vmss000000\n",
      stderr: "bash: nosuchcmd: command not found\n",
      status: 3,
    });
  });
});
