/**
 * readline's editing keys beyond the basics (terminal-session.test.ts): word motion and
 * word kills, the kill ring, transpose, Ctrl-D, bracketed paste. Keys in, screen out.
 */
import { describe, expect, it } from "vitest";
import { CSI, harness, settle } from "./session-harness";

const ERASE = `${CSI}J`;

describe("readline keys", () => {
  it("moves by readline words with Alt-B/Alt-F and Ctrl-Left (letters and digits only)", () => {
    const { session, output } = harness();
    session.input("kubectl get pods/web-1");
    output();
    session.input("\x1bb");
    expect(output()).toBe(`${CSI}1D`); // before `1`
    session.input("\x1bb\x1bb");
    expect(output()).toBe(`${CSI}4D${CSI}5D`); // before `web`, then before `pods`
    session.input("\x1bf");
    expect(output()).toBe(`${CSI}4C`); // after `pods`
    session.input(`${CSI}1;5D`);
    expect(output()).toBe(`${CSI}4D`);
  });

  it("kills words with Alt-D and Alt-Backspace into one kill-ring entry, and Ctrl-Y yanks it", async () => {
    const { session, ran, output } = harness();
    session.input(`kubectl get pods/web-1${CSI}D\x1bb\x1bb\x1bf`);
    output();
    session.input("\x1bd");
    expect(output()).toBe(`-1${ERASE}${CSI}2D`); // cut `/web`
    session.input("\x1b\x7f");
    expect(output()).toBe(`${CSI}4D-1${ERASE}${CSI}2D`); // cut `pods`, before it: one entry `pods/web`
    session.input("\x05\x19");
    expect(output()).toBe(`${CSI}2Cpods/web`);
    session.input("\r");
    await settle();
    expect(ran).toEqual(["kubectl get -1pods/web"]);
  });

  it("yanks what Ctrl-U, Ctrl-K and Ctrl-W cut; Alt-Y after Ctrl-Y swaps in the kill before", () => {
    const { session, output } = harness();
    session.input("one two\x17"); // Ctrl-W: `two`
    session.input("\x15"); // Ctrl-U right after: joins, `one two`
    session.input("three\x01\x0b"); // Ctrl-K: `three`, a new entry
    output();
    session.input("\x19");
    expect(output()).toBe("three");
    session.input("\x1by");
    expect(output()).toBe(`${CSI}5Done two${ERASE}`);
    session.input("\x1by");
    expect(output()).toBe(`${CSI}7Dthree${ERASE}`);
  });

  it("rings the bell for Alt-Y without a yank before it", () => {
    const { session, output } = harness();
    session.input("ab\x17x\x1by");
    expect(output()).toBe(`ab${CSI}2D${ERASE}x\x07`);
  });

  it("transposes with Ctrl-T: the last two characters at the end, else those around the cursor", () => {
    const { session, output } = harness();
    session.input("ab\x14");
    expect(output()).toBe(`ab${CSI}2Dba${ERASE}`);
    session.input("\x01\x06\x14");
    expect(output()).toBe(`${CSI}2D${CSI}1C${CSI}1Dab${ERASE}`);
    session.input("\x01\x14");
    expect(output()).toBe(`${CSI}2D\x07`);
  });

  it("keeps the session on Ctrl-D at an empty prompt, as bash with ignoreeof does", () => {
    const { session, output } = harness();
    session.start();
    session.input("\x04");
    expect(output()).toBe('$ Use "logout" to leave the shell.\r\n$ ');
    session.input("ab\x01\x04");
    expect(output()).toBe(`ab${CSI}2Db${ERASE}${CSI}1D`);
  });

  it("Home, End and Delete keys' sequences from xterm", () => {
    const { session, output } = harness();
    session.input(`abc${CSI}H${CSI}3~\x1bOF${CSI}1~${CSI}4~`);
    expect(output()).toBe(`abc${CSI}3Dbc${ERASE}${CSI}2D${CSI}2C${CSI}2D${CSI}2C`);
  });
});

describe("bracketed paste", () => {
  it("turns the mode on with the first prompt, as bash 5.1 does", () => {
    const { session, output } = harness({ bracketedPaste: true });
    session.start();
    expect(output()).toBe("\x1b[?2004h$ ");
  });

  it("runs pasted lines in order; a Tab in them is text; keys typed after the paste stay", async () => {
    const { session, ran, output } = harness({ bracketedPaste: true });
    session.start();
    output();
    session.input("\x1b[200~echo a\techo\necho b\n\x1b[201~ls");
    expect(output()).toBe("echo a echo\r\n");
    await settle();
    expect(output()).toBe("out:echo a echo\r\n$ echo b\r\nout:echo b\r\n$ ls");
    expect(ran).toEqual(["echo a echo", "echo b"]);
  });

  it("reads a pasted here-document to its end before running the next pasted line", async () => {
    const { session, ran, output } = harness();
    session.start();
    output();
    session.input("\x1b[200~cat <<EOF\nx\nEOF\necho two\x1b[201~\r");
    await settle();
    await settle();
    expect(output()).toBe("cat <<EOF\r\n> x\r\n> EOF\r\nout:cat <<EOF\r\nx\r\nEOF\r\n$ echo two\r\nout:echo two\r\n$ ");
    expect(ran).toEqual(["cat <<EOF\nx\nEOF", "echo two"]);
  });
});
