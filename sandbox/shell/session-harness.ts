/** For the line editor's tests: a session on a fake shell, and what it wrote since last asked. */
import type { Completions } from "./completion";
import { createTerminalSession, type ExecOutput } from "./terminal-session";

export const CSI = "\x1b[";

export function harness(
  options: {
    columns?: number;
    prompt?: string;
    complete?: (line: string, point: number) => Completions;
    exec?: (line: string) => Promise<ExecOutput>;
    bracketedPaste?: boolean;
  } = {},
) {
  let screen = "";
  const ran: string[] = [];
  const session = createTerminalSession({
    exec:
      options.exec ??
      (async (line) => {
        ran.push(line);
        return { stdout: `out:${line}\n`, stderr: "", exitCode: 0 };
      }),
    prompt: () => options.prompt ?? "$ ",
    write: (data) => {
      screen += data;
    },
    columns: options.columns === undefined ? undefined : () => options.columns as number,
    complete: options.complete,
    bracketedPaste: options.bracketedPaste,
  });
  const output = () => {
    const text = screen;
    screen = "";
    return text;
  };
  return { session, ran, output };
}

/** Let pending command promises settle. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
