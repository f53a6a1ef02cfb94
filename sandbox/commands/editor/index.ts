/**
 * vi, vim, nano, edit and code open FILE in the editor pane beside the terminal (the page
 * listens through `sandbox.onOpenFile`); the command returns at once and the terminal stays
 * usable. Without a page to show the editor (the CLI), they say so and change nothing.
 */
import { openInEditor } from "../../editor/editor";
import { type Command, fail, ok } from "../types";

export function editorCommand(name: string): Command {
  return (args, io, world) => {
    const files = args.filter((a) => !a.startsWith("-") && !a.startsWith("+"));
    if (files.length === 0)
      return fail(`${name}: name the file to edit, e.g. ${name} /etc/containerd/config.toml\n`, 1);
    if (files.length > 1) return fail(`${name}: this node's editor opens one file at a time\n`, 1);
    const opened = openInEditor(world.fs, io.cwd, files[0] as string);
    if ("error" in opened) return fail(`${opened.error}\n`, 1);
    if (!world.openEditor) {
      return fail(`${name}: no editor pane in this terminal; use sed, tee or cat > FILE to change ${opened.path}\n`, 1);
    }
    world.openEditor(opened);
    return ok();
  };
}
