/**
 * Tab in the line editor against a real node: readline's rules (complete.c) for one match, a
 * common prefix, a listing on the next Tab, and the question before a long listing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../sandbox";
import { freshNode } from "../test-helpers";
import { matchRows } from "./completion-list";
import { CSI, harness } from "./session-harness";

let node: Sandbox;
beforeAll(() => {
  node = freshNode();
});

function onNode(columns = 80) {
  const h = harness({ columns, complete: (line, point) => node.complete(line, point) });
  h.session.start();
  h.output();
  return h;
}

describe("Tab completion in the terminal", () => {
  it("completes the one match and adds a space", () => {
    const { session, output } = onNode();
    session.input("systemctl status kub\t");
    expect(output()).toBe("systemctl status kubelet.service ");
  });

  it("completes a directory with its / and no space, then goes on inside it", () => {
    const { session, output } = onNode();
    session.input("ls /etc/syst\t");
    expect(output()).toBe("ls /etc/systemd/");
    session.input("\t");
    expect(output()).toBe("system/");
  });

  it("rings the bell for several matches, then lists them in columns and redraws the line", () => {
    const { session, output } = onNode();
    session.input("systemctl res\t");
    expect(output()).toBe("systemctl res\x07");
    session.input("\t");
    expect(output()).toBe("\r\nrescue        reset-failed  restart       \r\n$ systemctl res");
  });

  it("inserts the common prefix first, and lists on the Tab after", () => {
    const { session, output } = onNode();
    session.input("kubectl get po\t");
    expect(output()).toBe("kubectl get pod\x07");
    session.input("\t");
    expect(output()).toBe("\x07");
    session.input("\t");
    expect(output()).toBe("\r\npoddisruptionbudgets.policy  pods\r\n$ kubectl get pod");
  });

  it("lists file names by their last part, directories with /, and puts the cursor back mid-line", () => {
    const { session, output } = onNode();
    session.input(`cat /etc/ku x${CSI}D${CSI}D\t`);
    expect(output()).toBe(`cat /etc/ku x${CSI}1D${CSI}1Dbernetes/ x${CSI}2D`);
    session.input("\t");
    expect(output()).toBe("\x07");
    session.input("\t");
    expect(output()).toBe(
      `${CSI}2C\r\ncerts/          manifests/      volumeplugins/  \r\n$ cat /etc/kubernetes/ x${CSI}2D`,
    );
  });

  it("rings the bell when nothing matches", () => {
    const { session, output } = onNode();
    session.input("nosuchcommand\t");
    expect(output()).toBe("nosuchcommand\x07");
  });

  it("asks before listing 100 matches or more: n redraws the line, y lists them", () => {
    const { session, output } = onNode();
    session.input("\t");
    expect(output()).toBe("\x07");
    session.input("\t");
    const count = node.complete("", 0).matches.length;
    expect(output()).toBe(`\r\nDisplay all ${count} possibilities? (y or n)`);
    session.input("n");
    expect(output()).toBe("\r\n$ ");
    session.input("\t");
    expect(output()).toBe(`\r\nDisplay all ${count} possibilities? (y or n)`);
    session.input("x");
    expect(output()).toBe("\x07");
    session.input("y");
    const rows = matchRows(node.complete("", 0).matches, 80);
    expect(output()).toBe(`\r\n${rows.map((r) => `${r}\r\n`).join("")}$ `);
  });

  it("drops the line on Ctrl-C at the question", () => {
    const { session, output } = onNode();
    session.input("\t\t");
    const count = node.complete("", 0).matches.length;
    expect(output()).toBe(`\x07\r\nDisplay all ${count} possibilities? (y or n)`);
    session.input("\x03");
    expect(output()).toBe("^C\r\n$ ");
  });
});

describe("readline's listing layout", () => {
  it("fills columns top to bottom, the width of the longest plus two, padding every column but the last", () => {
    expect(matchRows(["a", "bb", "ccc", "d", "e"], 12)).toEqual(["a    d", "bb   e", "ccc  "]);
  });

  it("uses one column fewer when the columns would fill the row exactly", () => {
    expect(matchRows(["abc", "def", "ghi", "jkl"], 11)).toEqual(["abc  ghi", "def  jkl"]);
    expect(matchRows(["abc", "def", "ghi", "jkl"], 10)).toEqual(["abc", "def", "ghi", "jkl"]);
  });

  it("puts each match on its own row when one is wider than the terminal", () => {
    expect(matchRows(["a-very-long-name", "b"], 10)).toEqual(["a-very-long-name", "b"]);
  });
});
