/** The session's history across visits: seeded from what the page kept, and each new entry handed back to it. */
import { describe, expect, it } from "vitest";
import { createTerminalSession } from "./terminal-session";

const UP = "\x1b[A";
const ERASE = "\x1b[J";
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(history: string[]) {
  let screen = "";
  const ran: string[] = [];
  const entries: string[] = [];
  const session = createTerminalSession({
    exec: async (line) => {
      ran.push(line);
      return { stdout: "", stderr: "", exitCode: 0 };
    },
    prompt: () => "$ ",
    write: (data) => {
      screen += data;
    },
    history,
    onHistoryEntry: (line) => entries.push(line),
  });
  const output = () => {
    const text = screen;
    screen = "";
    return text;
  };
  return { session, ran, entries, output };
}

describe("terminal history across visits", () => {
  it("recalls the lines of an earlier visit with Up, newest first, and reports only new entries", async () => {
    const { session, ran, entries, output } = setup(["systemctl stop kubelet", "hostname"]);
    session.start();
    output();
    session.input(UP);
    expect(output()).toBe(`hostname${ERASE}`);
    session.input(UP);
    expect(output()).toBe(`\x1b[8Dsystemctl stop kubelet${ERASE}`);
    session.input("\r");
    await settle();
    expect(ran).toEqual(["systemctl stop kubelet"]);
    expect(entries).toEqual(["systemctl stop kubelet"]);
    // a repeat of the newest entry is not a new entry, as with bash's ignoredups
    session.input(`${UP}\r`);
    await settle();
    expect(ran).toEqual(["systemctl stop kubelet", "systemctl stop kubelet"]);
    expect(entries).toEqual(["systemctl stop kubelet"]);
  });

  it("does not change the array it was seeded with", async () => {
    const seeded = ["uptime"];
    const { session } = setup(seeded);
    session.start();
    session.input("date\r");
    await settle();
    expect(seeded).toEqual(["uptime"]);
  });
});
