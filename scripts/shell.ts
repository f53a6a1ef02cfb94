/**
 * `npm run shell`: a terminal into the emulated node from the command line, on the same engine
 * the course runs in the browser (sandbox/index.ts, its public API only).
 *
 *   npm run shell                                  interactive, as root on the node
 *   npm run --silent shell -- -c "<line>"          one line on a fresh node; its output; its status
 *   npm run shell -- --scenario kubelet-stopped    start from another state
 *   npm run shell -- --scenario random-fault --seed 3   another attempt (the page's attempt number)
 *   npm run shell -- --lesson kubelet               the node as that lesson starts it (scenario + setup)
 *   npm run --silent shell -- --lesson kubelet --check -c "systemctl stop kubelet"   which exercises pass after
 *
 * Lines piped in on stdin run one after another, like `bash < script`.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createSandbox, type Sandbox, scenarioNames } from "../sandbox/index";
import { findLesson, lessonReport, startLesson } from "./shell-lesson";

const usage = `usage: npm run shell [-- [--scenario NAME | --lesson SLUG [--check]] [--seed N] [-c LINE]]

A root shell on the emulated AKS node, the same engine the course runs in the browser.

  -c, --command LINE   run LINE on a fresh node, print its stdout and stderr, exit with its status
  --scenario NAME      the node's start state (default: healthy); one of: ${scenarioNames.join(", ")}
  --lesson SLUG        start as that lesson does: its scenario, then its setup lines
  --check              with --lesson: when the session ends, print which of the lesson's exercises
                       pass on the node, and exit 0 if all do, 1 if not
  --seed N             the node's seed (default 1): random-fault picks its fault by it
  -h, --help           show this help

Without -c: type commands at the prompt; "exit" or Ctrl-D quits. Between commands the node's
clock moves on by the time that really passed, as on a real node. Lines piped in on stdin run
one after another, and the last one's status is the exit status.
`;

/** Write and wait until the stream has taken it (and all before), so process.exit loses nothing. */
function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => stream.write(text, () => resolve()));
}

async function finish(status: number): Promise<never> {
  await write(process.stdout, "");
  process.exit(status);
}

async function fail(message: string, status = 2): Promise<never> {
  await write(process.stderr, `shell: ${message}\n`);
  return finish(status);
}

/**
 * Run one line and print its output as it comes (a follow-mode command such as
 * `journalctl -f` streams until Ctrl-C); never throws. While it runs, the node's clock keeps
 * step with wall time, once a second, as the page does.
 */
async function run(sandbox: Sandbox, line: string): Promise<number> {
  let last = Date.now();
  const ticker = setInterval(() => {
    const now = Date.now();
    if (now > last) sandbox.clock.advance(now - last);
    last = now;
  }, 1000);
  try {
    const result = await sandbox.exec(line, {
      onOutput: (chunk, stream) => (stream === "stdout" ? process.stdout : process.stderr).write(chunk),
    });
    await write(process.stdout, "");
    await write(process.stderr, "");
    return result.exitCode;
  } catch (error) {
    // The engine promises never to reject; if it does, say so rather than die with a stack trace.
    await write(process.stderr, `shell: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    clearInterval(ticker);
  }
}

/** `exit` or `exit N` ends the session here, as bash's builtin would. */
function exitRequest(line: string, lastStatus: number): number | undefined {
  const match = /^\s*exit(?:\s+(\d+))?\s*;?\s*$/.exec(line);
  if (!match) return undefined;
  return match[1] === undefined ? lastStatus : Number(match[1]) & 0xff;
}

async function interactive(sandbox: Sandbox): Promise<number> {
  const tty = Boolean(process.stdin.isTTY);
  const rl = createInterface({
    input: process.stdin,
    output: tty ? process.stdout : undefined,
    terminal: tty,
    historySize: 1000,
    removeHistoryDuplicates: true,
  });
  let lastStatus = 0;
  let running = false;
  let clockMark = Date.now();

  const prompt = () => {
    rl.setPrompt(sandbox.prompt());
    rl.prompt();
  };

  // Ctrl-C at the prompt drops the line and gives a fresh prompt, as bash does (status 130);
  // while a command runs it interrupts it (a `journalctl -f`, a long `sleep`).
  rl.on("SIGINT", () => {
    if (running) {
      process.stdout.write("^C\n");
      sandbox.interrupt();
      return;
    }
    process.stdout.write("^C\n");
    // Drop the typed text: to the end of the line, then delete everything before the cursor.
    rl.write(null, { ctrl: true, name: "e" });
    rl.write(null, { ctrl: true, name: "u" });
    lastStatus = 130;
    prompt();
  });

  if (tty) prompt();
  for await (const line of rl) {
    const requested = exitRequest(line, lastStatus);
    if (requested !== undefined) {
      rl.close();
      return requested;
    }
    if (tty) {
      // Time passes on the node while the learner reads and types, as it would on a real one.
      const now = Date.now();
      if (now > clockMark) sandbox.clock.advance(now - clockMark);
      clockMark = now;
    }
    if (line.trim() !== "") {
      running = true;
      lastStatus = await run(sandbox, line);
      running = false;
    }
    if (tty) {
      clockMark = Date.now();
      prompt();
    }
  }
  // Ctrl-D (end of input) at the prompt: bash prints "exit" and leaves with the last status.
  if (tty) await write(process.stdout, "exit\n");
  return lastStatus;
}

async function main(): Promise<never> {
  let options: {
    command?: string;
    scenario?: string;
    lesson?: string;
    check?: boolean;
    seed?: string;
    help?: boolean;
  };
  try {
    const parsed = parseArgs({
      options: {
        command: { type: "string", short: "c" },
        scenario: { type: "string" },
        lesson: { type: "string" },
        check: { type: "boolean" },
        seed: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: false,
    });
    options = parsed.values;
  } catch (error) {
    await write(process.stderr, `shell: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return finish(2);
  }

  if (options.help) {
    await write(process.stdout, usage);
    return finish(0);
  }

  if (options.lesson !== undefined && options.scenario !== undefined) {
    return fail("--lesson starts the lesson's own scenario; leave out --scenario");
  }
  if (options.check && options.lesson === undefined) return fail("--check needs --lesson SLUG");

  const scenario = options.scenario ?? "healthy";
  if (!scenarioNames.includes(scenario)) {
    return fail(`unknown scenario "${scenario}"; known: ${scenarioNames.join(", ")}`);
  }

  const seed = Number(options.seed ?? "1");
  if (!Number.isInteger(seed)) return fail(`--seed wants an integer, got "${options.seed}"`);

  let sandbox: Sandbox;
  let lesson: ReturnType<typeof findLesson> | undefined;
  if (options.lesson !== undefined) {
    lesson = findLesson(options.lesson);
    if ("error" in lesson) return fail(lesson.error);
    const started = await startLesson(lesson.lesson, seed);
    if ("error" in started) return fail(started.error, 1);
    sandbox = started.sandbox;
  } else {
    sandbox = createSandbox({ scenario, seed });
  }

  let status: number;
  if (options.command !== undefined) {
    // Ctrl-C stops the line (a `journalctl -f` runs until then), as in a terminal.
    process.on("SIGINT", () => sandbox.interrupt());
    status = await run(sandbox, options.command);
  } else {
    status = await interactive(sandbox);
  }
  if (options.check && lesson && "lesson" in lesson) {
    const report = lessonReport(sandbox, lesson.lesson);
    await write(process.stdout, report.text);
    return finish(report.allPass ? 0 : 1);
  }
  return finish(status);
}

await main();
