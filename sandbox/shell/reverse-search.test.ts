/** Ctrl-R as bash draws it: `(reverse-i-search)`text': match` in place of the prompt. */
import { describe, expect, it } from "vitest";
import { searchBackward } from "./reverse-search";
import { CSI, harness, settle } from "./session-harness";

const ERASE = `${CSI}J`;

/** A session whose history is these lines (oldest first), at a fresh prompt. */
async function withHistory(...lines: string[]) {
  const h = harness();
  h.session.start();
  for (const line of lines) {
    h.session.input(`${line}\r`);
    await settle();
  }
  h.output();
  h.ran.length = 0;
  return h;
}

describe("reverse-i-search", () => {
  it("shows the newest line holding the text, cursor on the match; Ctrl-R again goes older", async () => {
    const { session, output } = await withHistory("systemctl status kubelet", "ls /etc", "journalctl -u kubelet");
    session.input("\x12");
    expect(output()).toBe(`${CSI}2D(reverse-i-search)\`': ${ERASE}`);
    session.input("kub");
    expect(output()).toBe(
      `${CSI}22D(reverse-i-search)\`k': journalctl -u kubelet${ERASE}${CSI}7D` +
        `${CSI}37D(reverse-i-search)\`ku': journalctl -u kubelet${ERASE}${CSI}7D` +
        `${CSI}38D(reverse-i-search)\`kub': journalctl -u kubelet${ERASE}${CSI}7D`,
    );
    session.input("\x12");
    expect(output()).toBe(`${CSI}39D(reverse-i-search)\`kub': systemctl status kubelet${ERASE}${CSI}7D`);
  });

  it("says failed and rings the bell when nothing older matches, keeping the last match", async () => {
    const { session, output } = await withHistory("systemctl status kubelet", "journalctl -u kubelet");
    session.input("\x12kub\x12");
    output();
    session.input("\x12");
    expect(output()).toBe(`\x07${CSI}42D(failed reverse-i-search)\`kub': systemctl status kubelet${ERASE}${CSI}7D`);
    session.input("\x7f");
    expect(output()).toBe(`${CSI}49D(reverse-i-search)\`ku': systemctl status kubelet${ERASE}${CSI}7D`);
  });

  it("runs the match on Enter, back at the normal prompt", async () => {
    const { session, ran, output } = await withHistory("ls /etc", "hostname");
    session.input("\x12etc\r");
    await settle();
    expect(output()).toContain(
      `(reverse-i-search)\`etc': ls /etc${ERASE}${CSI}3D${CSI}29D$ ls /etc${ERASE}${CSI}3D${CSI}3C\r\nout:ls /etc\r\n$ `,
    );
    expect(ran).toEqual(["ls /etc"]);
  });

  it("puts the match in the line for editing on Esc or an arrow, and Up goes on from there", async () => {
    const { session, ran, output } = await withHistory("echo one", "echo two", "hostname");
    session.input("\x12one\x1b");
    output();
    session.input("!\r");
    await settle();
    expect(ran).toEqual(["echo !one"]);
    session.input(`\x12two${CSI}D`);
    expect(output()).toContain(`${CSI}30D$ echo two${ERASE}${CSI}3D${CSI}1D`);
    session.input(`${CSI}A`);
    expect(output()).toBe(`${CSI}4Decho one${ERASE}`);
  });

  it("puts the line back as it was on Ctrl-G", async () => {
    const { session, output } = await withHistory("echo one");
    session.input("draft\x12one");
    output();
    session.input("\x07");
    expect(output()).toBe(`${CSI}30D$ draft${ERASE}`);
  });

  it("drops the line on Ctrl-C, as bash does", async () => {
    const { session, ran, output } = await withHistory("echo one");
    session.input("\x12one\x03");
    expect(output()).toContain(`(reverse-i-search)\`one': echo one${ERASE}${CSI}3D${CSI}3C^C\r\n$ `);
    session.input("\r");
    await settle();
    expect(ran).toEqual([]);
  });

  it("reuses the last search string for Ctrl-R on an empty one", async () => {
    const { session, output } = await withHistory("echo one", "ls");
    session.input("\x12one\x07\x12");
    output();
    session.input("\x12");
    expect(output()).toBe(`${CSI}22D(reverse-i-search)\`one': echo one${ERASE}${CSI}3D`);
  });
});

describe("searchBackward", () => {
  const history = ["a kub", "kube kube", "x", "kube kube"].map((l) => Array.from(l));
  const lines = (i: number) => history[i] as string[];

  it("finds the last occurrence at or before the position, then in older lines", () => {
    expect(searchBackward(lines, "kub", { index: 3, position: 9 })).toEqual({ index: 3, position: 5 });
    expect(searchBackward(lines, "kub", { index: 3, position: 4 })).toEqual({ index: 3, position: 0 });
    expect(searchBackward(lines, "zz", { index: 3, position: 9 })).toBeUndefined();
  });

  it("skips older lines equal to the one matched", () => {
    expect(searchBackward(lines, "kub", { index: 3, position: -1 }, "kube kube")).toEqual({ index: 0, position: 2 });
  });
});
