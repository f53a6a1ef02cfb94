import { expect, it } from "vitest";
import { incompleteCommand } from "./continuation";

it("knows when bash would print PS2 and read another line", () => {
  const more = [
    "cat > x <<'EOF'",
    "cat > x <<'EOF'\na: 1",
    "echo 'abc",
    'echo "a',
    "if true; then",
    "for i in 1 2; do echo $i",
    "echo a \\",
    "(echo",
    "{ echo",
    "echo $(date",
    "case x in\na) echo;;",
    "if true; then\n  echo 'it''s\n",
  ];
  const done = [
    "cat > x <<'EOF'\na: 1\nEOF",
    "echo ok",
    "echo if then",
    "while true; do :; done",
    "for i in 1 2; do echo $i; done",
    "if true; then echo; fi",
    "case x in a) echo;; esac",
    "echo {a,b} $HOME/x",
    "echo 'it''s'",
    "kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod # (x\nEOF",
    "echo a # ( unclosed in a comment",
    "x=$(echo hi); echo $x",
    'echo "a\'b"',
    ":(){ :|:& };:",
  ];
  for (const t of more) expect([t, incompleteCommand(t)]).toEqual([t, true]);
  for (const t of done) expect([t, incompleteCommand(t)]).toEqual([t, false]);
});
