import { describe, expect, it } from "vitest";
import { CSI, harness, settle } from "./session-harness";
import { createTerminalSession, type ExecOutput } from "./terminal-session";

const LEFT = `${CSI}D`;
const RIGHT = `${CSI}C`;
const UP = `${CSI}A`;
const DOWN = `${CSI}B`;
const ERASE = `${CSI}J`;

/** A session on a fake shell that answers `out:<line>` and records what it ran. */
const setup = harness;

/** A shell whose commands finish only when the test says so. */
function manualShell() {
  const calls: { line: string; finish: (stdout: string) => void }[] = [];
  const exec = (line: string) =>
    new Promise<ExecOutput>((resolve) => {
      calls.push({ line, finish: (stdout) => resolve({ stdout, stderr: "", exitCode: 0 }) });
    });
  return { calls, exec };
}

describe("terminal session", () => {
  it("prints the prompt on start", () => {
    const { session, output } = setup();
    session.start();
    expect(output()).toBe("$ ");
  });

  it("echoes typing, runs the line on Enter and prints output with CRLF then a fresh prompt", async () => {
    const { session, output } = setup({
      exec: async () => ({ stdout: "one\ntwo\n", stderr: "oops\n", exitCode: 1 }),
    });
    session.start();
    session.input("ls\r");
    expect(output()).toBe("$ ls\r\n");
    await settle();
    expect(output()).toBe("one\r\ntwo\r\noops\r\n$ ");
  });

  it("ends output that lacks a newline before the prompt", async () => {
    const { session, output } = setup({ exec: async () => ({ stdout: "no-eol", stderr: "", exitCode: 0 }) });
    session.start();
    session.input("printf no-eol\r");
    await settle();
    expect(output()).toBe("$ printf no-eol\r\nno-eol\r\n$ ");
  });

  it("prints a rejected command's error and carries on", async () => {
    const { session, output } = setup({ exec: () => Promise.reject(new Error("engine failed to load")) });
    session.start();
    session.input("hostname\r");
    await settle();
    expect(output()).toBe("$ hostname\r\nengine failed to load\r\n$ ");
  });

  it("gives a blank line a new prompt without running it", () => {
    const { session, ran, output } = setup();
    session.start();
    session.input("  \r");
    expect(output()).toBe("$   \r\n$ ");
    expect(ran).toEqual([]);
  });

  it("erases with Backspace (DEL and ^H)", async () => {
    const { session, ran, output } = setup();
    session.input("abc\x7f\b");
    expect(output()).toBe(`abc${CSI}1D${ERASE}${CSI}1D${ERASE}`);
    session.input("\r");
    await settle();
    expect(ran).toEqual(["a"]);
  });

  it("moves the cursor with Left/Right and inserts and deletes mid-line", async () => {
    const { session, ran, output } = setup();
    session.start();
    output();
    session.input(`ac${LEFT}b`);
    expect(output()).toBe(`ac${CSI}1Dbc${CSI}1D`);
    session.input(`${RIGHT}${RIGHT}${LEFT}${LEFT}\x7f`);
    expect(output()).toBe(`${CSI}1C${CSI}1D${CSI}1D${CSI}1Dbc${ERASE}${CSI}2D`);
    session.input(`${CSI}3~\r`);
    await settle();
    expect(ran).toEqual(["c"]);
  });

  it("jumps with Home/End and Ctrl-A/Ctrl-E", async () => {
    const { session, ran, output } = setup();
    session.input("bc\x01a\x05d");
    expect(output()).toBe(`bc${CSI}2Dabc${CSI}2D${CSI}2Cd`);
    session.input(`${CSI}H>${CSI}F<\r`);
    await settle();
    expect(ran).toEqual([">abcd<"]);
  });

  it("kills to the start with Ctrl-U", async () => {
    const { session, ran, output } = setup();
    session.input(`abc${LEFT}\x15`);
    expect(output()).toBe(`abc${CSI}1D${CSI}2Dc${ERASE}${CSI}1D`);
    session.input("\r");
    await settle();
    expect(ran).toEqual(["c"]);
  });

  it("recalls history with Up/Down, skipping blanks and repeats, and keeps the draft", async () => {
    const { session, ran, output } = setup();
    session.start();
    for (const line of ["one\r", "two\r", "two\r", "\r", "three\r"]) {
      session.input(line);
      await settle();
    }
    output();
    session.input(`dr${UP}`);
    expect(output()).toBe(`dr${CSI}2Dthree${ERASE}`);
    session.input(UP);
    expect(output()).toBe(`${CSI}5Dtwo${ERASE}`);
    session.input(UP);
    session.input(UP); // already the oldest entry: nothing happens
    expect(output()).toBe(`${CSI}3Done${ERASE}`);
    session.input(`${DOWN}${DOWN}${DOWN}`);
    expect(output()).toBe(`${CSI}3Dtwo${ERASE}${CSI}3Dthree${ERASE}${CSI}5Ddr${ERASE}`);
    session.input(`\x15${UP}\r`);
    await settle();
    expect(ran).toEqual(["one", "two", "two", "three", "three"]);
  });

  it("discards the line with Ctrl-C", async () => {
    const { session, ran, output } = setup();
    session.start();
    session.input(`systemctl st${LEFT}\x03`);
    expect(output()).toBe(`$ systemctl st${CSI}1D${CSI}1C^C\r\n$ `);
    session.input("\r");
    await settle();
    expect(ran).toEqual([]);
  });

  it("clears the screen with Ctrl-L and reprints the prompt and the line", () => {
    const { session, output } = setup();
    session.start();
    session.input(`ab${LEFT}\x0c`);
    expect(output()).toBe(`$ ab${CSI}1D\x1b[H\x1b[2J$ ab${CSI}1D`);
  });

  it("queues keys typed while a command runs and replays them afterwards, in order", async () => {
    const { calls, exec } = manualShell();
    const { session, output } = setup({ exec });
    session.start();
    session.input("sleep 5\rfirst");
    expect(session.busy).toBe(true);
    session.input("\rsec");
    session.input("ond\r");
    expect(output()).toBe("$ sleep 5\r\n");
    expect(calls.map((c) => c.line)).toEqual(["sleep 5"]);

    calls[0]?.finish("slept\n");
    await settle();
    expect(output()).toBe("slept\r\n$ first\r\n");
    expect(calls.map((c) => c.line)).toEqual(["sleep 5", "first"]);

    calls[1]?.finish("");
    await settle();
    expect(output()).toBe("$ second\r\n");
    calls[2]?.finish("");
    await settle();
    expect(output()).toBe("$ ");
    expect(session.busy).toBe(false);
  });

  it("interrupts a running command on Ctrl-C, dropping the keys typed before it", async () => {
    const { calls, exec } = manualShell();
    let interrupts = 0;
    let screen = "";
    const session = createTerminalSession({
      exec,
      prompt: () => "$ ",
      write: (data) => {
        screen += data;
      },
      interrupt: () => {
        interrupts++;
        calls[0]?.finish("");
      },
    });
    session.start();
    session.input("sleep 100\r");
    session.input("lost");
    session.input("x\x03kept");
    expect(interrupts).toBe(1);
    await settle();
    expect(screen).toBe("$ sleep 100\r\n^C\r\n$ kept");
    expect(calls.map((c) => c.line)).toEqual(["sleep 100"]);
  });

  it("prints a follow-mode command's output as it streams, then ^C and the prompt", async () => {
    let emit: (chunk: string, stream: "stdout" | "stderr") => void = () => {};
    let finish: () => void = () => {};
    let screen = "";
    const session = createTerminalSession({
      exec: (_line, { onOutput }) =>
        new Promise<ExecOutput>((resolve) => {
          emit = onOutput;
          // The sandbox hands streamed chunks to onOutput and still returns them all.
          finish = () => resolve({ stdout: "first\nsecond\n", stderr: "", exitCode: 130 });
        }),
      prompt: () => "$ ",
      write: (data) => {
        screen += data;
      },
      interrupt: () => finish(),
    });
    session.start();
    session.input("journalctl -f\r");
    emit("first\n", "stdout");
    expect(screen).toBe("$ journalctl -f\r\nfirst\r\n");
    emit("second\n", "stdout");
    expect(screen).toBe("$ journalctl -f\r\nfirst\r\nsecond\r\n");
    session.input("\x03");
    await settle();
    expect(screen).toBe("$ journalctl -f\r\nfirst\r\nsecond\r\n^C\r\n$ ");
  });

  it("queues Ctrl-C like any key when it cannot interrupt", async () => {
    const { calls, exec } = manualShell();
    const { session, output } = setup({ exec });
    session.start();
    session.input("sleep 1\rnext\x03");
    calls[0]?.finish("");
    await settle();
    expect(output()).toBe("$ sleep 1\r\n$ next^C\r\n$ ");
  });

  it("runs pasted text line by line and leaves the unfinished last line for editing", async () => {
    const { session, ran, output } = setup();
    session.start();
    session.input("a\nb\r\nc");
    await settle();
    expect(ran).toEqual(["a", "b"]);
    expect(output()).toBe("$ a\r\nout:a\r\n$ b\r\nout:b\r\n$ c");
  });

  it("skips escape sequences it does not know instead of echoing them", () => {
    const { session, output } = setup();
    session.input(`\x1b[200~ls\x1b[201~${CSI}15~\x1bOP\x1bOD${CSI}24;2~!`);
    expect(output()).toBe(`ls${CSI}1D!s${CSI}1D`);
  });

  it("treats a character outside the BMP as one cursor step", async () => {
    const { session, ran, output } = setup();
    session.input(`é🙂${LEFT}\x7f`);
    expect(output()).toBe(`é🙂${CSI}1D${CSI}1D🙂${ERASE}${CSI}1D`);
    session.input("\r");
    await settle();
    expect(ran).toEqual(["🙂"]);
  });

  it("ignores colour codes when measuring the prompt", () => {
    const { session, output } = setup({ prompt: "\x1b[32m$\x1b[0m ", columns: 6 });
    session.start();
    session.input("abcd");
    expect(output()).toBe("\x1b[32m$\x1b[0m abcd \b");
  });

  describe("when a line wraps", () => {
    it("steps onto the next row at the margin and moves across rows", () => {
      const { session, output } = setup({ columns: 10 });
      session.start();
      session.input("abcdefgh");
      expect(output()).toBe("$ abcdefgh \b");
      session.input("\x01");
      expect(output()).toBe(`${CSI}1A${CSI}2C`);
      session.input("\x05\x7f");
      expect(output()).toBe(`${CSI}1B${CSI}2D${CSI}1A${CSI}9C${ERASE}`);
    });

    it("redraws the tail across rows after a mid-line insert", () => {
      const { session, output } = setup({ columns: 10 });
      session.start();
      session.input("abcdefg\x01");
      output();
      session.input("X");
      expect(output()).toBe(`Xabcdefg \b${CSI}1A${CSI}3C`);
    });

    it("starts the output on the row the cursor already moved to", async () => {
      const { session, output } = setup({ columns: 10 });
      session.start();
      session.input("abcdefgh\r");
      await settle();
      expect(output()).toBe("$ abcdefgh \bout:abcdefgh\r\n$ ");
    });
  });
});

describe("continuation lines (bash's PS2)", () => {
  it("reads a pasted here-document to its delimiter before running it, with `> ` prompts", async () => {
    const { session, ran, output } = setup();
    session.start();
    output();
    session.input("cat > /root/pod.yaml <<'EOF'\rapiVersion: v1\rkind: Pod\rEOF\r");
    await settle();
    expect(ran).toEqual(["cat > /root/pod.yaml <<'EOF'\napiVersion: v1\nkind: Pod\nEOF"]);
    expect(output()).toBe(
      "cat > /root/pod.yaml <<'EOF'\r\n> apiVersion: v1\r\n> kind: Pod\r\n> EOF\r\n" +
        "out:cat > /root/pod.yaml <<'EOF'\r\napiVersion: v1\r\nkind: Pod\r\nEOF\r\n$ ",
    );
  });

  it("continues after an open quote, a trailing backslash or an unfinished loop, and Ctrl-C drops it all", async () => {
    const { session, ran, output } = setup();
    session.start();
    session.input("echo 'a\rb'\r");
    await settle();
    session.input("echo one \\\rtwo\r");
    await settle();
    session.input("for i in 1 2; do\recho $i\rdone\r");
    await settle();
    expect(ran).toEqual(["echo 'a\nb'", "echo one \\\ntwo", "for i in 1 2; do\necho $i\ndone"]);
    output();
    session.input("echo 'never\r\x03");
    await settle();
    expect(output()).toBe("echo 'never\r\n> ^C\r\n$ ");
    session.input("echo done\r");
    await settle();
    expect(ran.at(-1)).toBe("echo done");
  });
});
