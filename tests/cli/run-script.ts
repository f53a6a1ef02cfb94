/**
 * Run one of scripts/ as its own process through tsx, as `npm run` would: the whole stdout and
 * stderr and the exit status. Each spawn starts tsx (~1 s), so tests keep the cases few.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = join(root, "node_modules/.bin/tsx");

export interface Outcome {
  stdout: string;
  stderr: string;
  status: number | null;
}

export function runScript(
  script: string,
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [`scripts/${script}`, ...args], {
      cwd: root,
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, ...options.env },
    });
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
    child.stdin.end(options.stdin ?? "");
  });
}
