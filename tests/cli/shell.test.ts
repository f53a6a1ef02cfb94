/**
 * `npm run shell` (scripts/shell.ts) end to end: the real process, whole stdout and stderr, exit
 * status. Each spawn starts tsx (~1 s), so the cases are few and run concurrently.
 */
import { describe, expect, it } from "vitest";
import { scenarioNames } from "../../sandbox/index";
import { runScript } from "./run-script";

const shell = (args: string[], stdin = "") => runScript("shell.ts", args, { stdin });

describe.concurrent("npm run shell", { timeout: 90_000 }, () => {
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

  // --lesson reads CONTENT_DIR; the fixture lessons stand in for the course.
  const fixtures = { env: { CONTENT_DIR: "tests/fixtures/content/good" } };

  it("--lesson --check reports which exercises pass after the line, status 1 while one fails", async () => {
    expect(
      await runScript("shell.ts", ["--lesson", "kubelet-basics", "--check", "-c", "systemctl stop kubelet"], fixtures),
    ).toEqual({
      stdout:
        "tests/fixtures/content/good/kubelet-basics.mdx: 1 of 2 exercises pass on this node\n" +
        "  pass  stop-kubelet    kubelet.service is inactive (dead)\n" +
        "  FAIL  node-not-ready  Ready is True (KubeletReady: kubelet is posting ready status)\n",
      stderr: "",
      status: 1,
    });
  });

  it("--lesson --check exits 0 once every exercise passes", async () => {
    const lines = "systemctl stop kubelet\nsleep 60\n";
    expect(
      await runScript("shell.ts", ["--lesson", "kubelet-basics", "--check"], { ...fixtures, stdin: lines }),
    ).toEqual({
      stdout:
        "tests/fixtures/content/good/kubelet-basics.mdx: 2 of 2 exercises pass on this node\n" +
        "  pass  stop-kubelet    kubelet.service is inactive (dead)\n" +
        "  pass  node-not-ready  kubelet.service is inactive (dead); Ready is Unknown (NodeStatusUnknown: Kubelet stopped posting node status.)\n",
      stderr: "",
      status: 0,
    });
  });

  it("--lesson runs the lesson's setup lines first, and stops at one that fails", async () => {
    expect(
      await runScript("shell.ts", ["--lesson", "lesson", "-c", "cat /root/NOTES"], {
        env: { CONTENT_DIR: "tests/fixtures/content/broken-setup" },
      }),
    ).toEqual({
      stdout: "",
      stderr:
        "shell: tests/fixtures/content/broken-setup/lesson.mdx: setup[1] `systemctl stop kubelett` exited 5: Failed to stop kubelett.service: Unit kubelett.service not loaded.\n",
      status: 1,
    });
  });

  it("--lesson refuses an unknown slug with the known ones, status 2", async () => {
    expect(await runScript("shell.ts", ["--lesson", "kubelet", "-c", "hostname"], fixtures)).toEqual({
      stdout: "",
      stderr: 'shell: no lesson "kubelet" in tests/fixtures/content/good/; known: kubelet-basics, overview\n',
      status: 2,
    });
  });
});
