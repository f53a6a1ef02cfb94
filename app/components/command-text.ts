/**
 * The command a `<Cmd>` types into the terminal. Text wrapped for reading becomes one line; a
 * command with a here-document keeps its lines (the terminal reads the body after `> ` prompts,
 * as bash does), with only trailing blanks and the blank lines around it dropped, since YAML
 * bodies depend on their leading spaces.
 */
export function commandText(text: string): string {
  if (/<<-?[ \t]*['"\\]?\w/.test(text) && text.trim().includes("\n")) {
    return text
      .split("\n")
      .map((line) => line.trimEnd())
      .join("\n")
      .replace(/^\n+|\n+$/g, "");
  }
  return text.replace(/\s+/g, " ").trim();
}
