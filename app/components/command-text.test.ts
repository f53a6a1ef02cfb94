import { expect, it } from "vitest";
import { commandText } from "./command-text";

it("joins a command wrapped for reading into one line", () => {
  expect(commandText("\n  journalctl -u kubelet\n    -n 20  \n")).toBe("journalctl -u kubelet -n 20");
});

it("keeps a here-document's lines and their indentation", () => {
  expect(commandText("\nkubectl apply -f - <<EOF  \napiVersion: v1\nspec:\n  replicas: 2\nEOF\n")).toBe(
    "kubectl apply -f - <<EOF\napiVersion: v1\nspec:\n  replicas: 2\nEOF",
  );
});
