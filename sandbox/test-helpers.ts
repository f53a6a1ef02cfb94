/** Shared by the sandbox's tests: one booted node per test file is plenty fast (~0.5 s). */
import { createSandbox, type Sandbox } from "./sandbox";

export const HOST = "aks-nodepool1-12345678-vmss000000";

export function freshNode(): Sandbox {
  return createSandbox({ scenario: "healthy" });
}

/** Run a line and return what a terminal would show plus the status, for whole-output asserts. */
export async function run(sandbox: Sandbox, line: string): Promise<{ out: string; err: string; code: number }> {
  const r = await sandbox.exec(line);
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
}
