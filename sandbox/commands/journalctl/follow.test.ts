/**
 * `journalctl -f`: the last lines, then each new entry as the clock brings it, until Ctrl-C.
 * The clock is driven by hand here, as the page drives it by wall time.
 */
import { expect, it } from "vitest";
import { freshNode, HOST, run } from "../../test-helpers";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A kubelet that cannot reach containerd, so systemd restarts it every 2 s and the journal grows. */
async function cyclingKubelet() {
  const node = freshNode();
  await run(node, "systemctl stop containerd; rm /usr/bin/containerd; systemctl restart kubelet");
  return node;
}

it("streams new entries as they are journaled and exits 130 on Ctrl-C with nothing of its own", async () => {
  const node = await cyclingKubelet();
  const chunks: string[] = [];
  const done = node.exec("journalctl -f -q -u kubelet -n 1 -o cat", { onOutput: (c) => chunks.push(c) });
  await settle();
  expect(chunks).toEqual(["kubelet.service: Failed with result 'exit-code'.\n"]);

  node.clock.advance(2000);
  await settle();
  // One chunk per entry, as journald stores it: systemd's restart, the ExecStartPre
  // `iptables -t nat --numeric --list` printing into the journal, then the new kubelet's lines.
  expect(chunks.slice(1, 5)).toEqual([
    "kubelet.service: Scheduled restart job, restart counter is at 1.\n",
    "Stopped Kubelet.\n",
    "Starting Kubelet...\n",
    "Chain PREROUTING (policy ACCEPT)\n",
  ]);
  expect(chunks).toContain("Started Kubelet.\n");
  expect(chunks.slice(-3)).toEqual([
    'E1030 16:06:02.419052     915 run.go:72] "command failed" err="failed to run Kubelet: validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///run/containerd/containerd.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: no such file or directory\\""\n',
    "kubelet.service: Main process exited, code=exited, status=1/FAILURE\n",
    "kubelet.service: Failed with result 'exit-code'.\n",
  ]);
  const streamed = chunks.join("");

  node.interrupt();
  const result = await done;
  expect(result).toEqual({ stdout: streamed, stderr: "", exitCode: 130 });
  // Nothing more arrives once it has stopped following.
  const count = chunks.length;
  node.clock.advance(4000);
  expect(chunks.length).toBe(count);
});

it("holds the output of a piped follow until it is interrupted", async () => {
  const node = await cyclingKubelet();
  const chunks: string[] = [];
  const done = node.exec("journalctl -f -q -u kubelet -n 0 | grep -c 'restart counter'", {
    onOutput: (c) => chunks.push(c),
  });
  await settle();
  node.clock.advance(6000);
  await settle();
  expect(chunks).toEqual([]);
  node.interrupt();
  expect(await done).toEqual({ stdout: "3\n", stderr: "", exitCode: 130 });
  expect(chunks).toEqual(["3\n"]);
});

it("prints everything at the end when the caller does not stream, and replays through a snapshot", async () => {
  const node = await cyclingKubelet();
  const done = node.exec("journalctl -f -u kubelet -n 0 -q");
  await settle();
  node.clock.advance(2000);
  node.interrupt();
  const first = await done;
  expect(first.exitCode).toBe(130);
  expect(first.stdout.split("\n")[0]).toBe(
    `Oct 30 16:06:02 ${HOST} systemd[1]: kubelet.service: Scheduled restart job, restart counter is at 1.`,
  );
  const snap = node.snapshot();
  expect(snap.steps.slice(-3)).toEqual([
    { exec: "journalctl -f -u kubelet -n 0 -q" },
    { advance: 2000, whileRunning: true },
    { interrupt: true },
  ]);
  const before = node.clock.now();
  await node.restore(snap);
  expect(node.clock.now()).toBe(before);
  expect((await run(node, "journalctl -u kubelet -q -o cat | grep -c 'restart counter'")).out).toBe("1\n");
});

it("rejects --reverse with --follow, as journalctl does", async () => {
  const node = freshNode();
  expect(await run(node, "journalctl -f -r")).toEqual({
    out: "",
    err: "Please specify either --reverse= or --follow=, not both.\n",
    code: 1,
  });
});

it("streams into a terminal session as the clock moves, and Ctrl-C gives the prompt back", async () => {
  const { createTerminalSession } = await import("../../shell/terminal-session");
  const node = await cyclingKubelet();
  let screen = "";
  const session = createTerminalSession({
    exec: (line, options) => node.exec(line, options),
    prompt: () => node.prompt(),
    write: (data) => {
      screen += data;
    },
    interrupt: () => node.interrupt(),
  });
  session.start();
  session.input("journalctl -f -q -u kubelet -n 0 -o cat | cat\r");
  await settle();
  node.clock.advance(2000);
  await settle();
  // Piped: held until Ctrl-C.
  expect(screen).toBe(`root@${HOST}:~# journalctl -f -q -u kubelet -n 0 -o cat | cat\r\n`);
  session.input("\x03");
  for (let i = 0; i < 50 && session.busy; i++) await settle();
  expect(screen.split("\r\n").slice(1, 3)).toEqual([
    "^C",
    "kubelet.service: Scheduled restart job, restart counter is at 1.",
  ]);
  screen = "";
  session.input("journalctl -f -q -u kubelet -n 0 -o cat\r");
  await settle();
  node.clock.advance(2000);
  await settle();
  // Plain: each entry as it is journaled, before the command ends.
  expect(screen.split("\r\n").slice(0, 3)).toEqual([
    "journalctl -f -q -u kubelet -n 0 -o cat", // the prompt was printed before the screen was cleared
    "kubelet.service: Scheduled restart job, restart counter is at 2.",
    "Stopped Kubelet.",
  ]);
  expect(session.busy).toBe(true);
  session.input("\x03");
  for (let i = 0; i < 50 && session.busy; i++) await settle();
  expect(screen.endsWith(`kubelet.service: Failed with result 'exit-code'.\r\n^C\r\nroot@${HOST}:~# `)).toBe(true);
  expect(session.busy).toBe(false);
});
