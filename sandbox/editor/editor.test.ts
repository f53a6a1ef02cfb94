import { describe, expect, it } from "vitest";
import { createSandbox, type EditorRequest } from "../sandbox";
import { run } from "../test-helpers";

describe("the editor pane", () => {
  it("vi opens a node file in the page's editor and a save takes effect the way the node reads it", async () => {
    const node = createSandbox();
    const opened: EditorRequest[] = [];
    node.onOpenFile((r) => opened.push(r));
    expect(await run(node, "cd /etc/default && vi kubelet")).toEqual({ out: "", err: "", code: 0 });
    expect(opened.map(({ path, language, isNew, readOnly }) => ({ path, language, isNew, readOnly }))).toEqual([
      { path: "/etc/default/kubelet", language: "shell", isNew: false, readOnly: false },
    ]);
    const edited = opened[0]?.content.replace("--max-pods=30", "--max-pods=50") ?? "";
    expect(await node.saveFile("/etc/default/kubelet", edited)).toEqual({});
    await run(node, "systemctl restart kubelet");
    expect((await run(node, "kubectl get node -o json | jq -r '.items[0].status.capacity.pods'")).out).toBe("50\n");
  });

  it("opens new files empty, kernel files read-only, refuses directories, and reports failed saves as vim does", async () => {
    const node = createSandbox();
    const opened: EditorRequest[] = [];
    node.onOpenFile((r) => opened.push(r));
    await run(node, "nano /root/new.yaml; code /proc/loadavg; vim /etc/containerd/config.toml");
    expect(opened.map((r) => [r.path, r.language, r.isNew, r.readOnly])).toEqual([
      ["/root/new.yaml", "yaml", true, false],
      ["/proc/loadavg", "plaintext", false, true],
      ["/etc/containerd/config.toml", "ini", false, false],
    ]);
    expect(await run(node, "vi /etc")).toEqual({ out: "", err: '"/etc" is a directory\n', code: 1 });
    expect(await node.saveFile("/nope/x.conf", "a=1\n")).toEqual({
      error: '"/nope/x.conf" E212: Can\'t open file for writing',
    });
    expect(await node.saveFile("/proc/loadavg", "0\n")).toEqual({
      error: '"/proc/loadavg" E212: Can\'t open file for writing',
    });
    expect((await run(node, "ls /nope")).code).toBe(2);
  });

  it("lists a directory for the file tree: directories first, then files", async () => {
    const node = createSandbox();
    expect(
      node
        .listDirectory("/etc/systemd/system")
        .slice(0, 3)
        .map((e) => [e.name, e.directory]),
    ).toEqual([
      ["containerd.service.d", true],
      ["kubelet.service.d", true],
      ["logrotate.timer.d", true],
    ]);
    expect(node.listDirectory("/etc/default")).toEqual([
      { name: "chrony", path: "/etc/default/chrony", directory: false },
      { name: "kubelet", path: "/etc/default/kubelet", directory: false },
    ]);
    expect(node.listDirectory("/etc/hosts")).toEqual([]);
  });

  it("without an editor pane (the CLI) the editors say so and change nothing", async () => {
    const node = createSandbox();
    expect(await run(node, "vi /etc/hosts")).toEqual({
      out: "",
      err: "vi: no editor pane in this terminal; use sed, tee or cat > FILE to change /etc/hosts\n",
      code: 1,
    });
  });

  it("a save is part of the node's history: undo takes it back and replay repeats it", async () => {
    const node = createSandbox();
    const history = await node.history();
    await node.saveFile("/root/notes.txt", "kubelet flags live in /etc/default/kubelet\n");
    expect((await history.log())[0]?.message).toBe("edit /root/notes.txt");
    const copy = createSandbox();
    await copy.restore(node.snapshot());
    expect((await run(copy, "cat /root/notes.txt")).out).toBe("kubelet flags live in /etc/default/kubelet\n");
    await history.undo();
    expect((await run(node, "cat /root/notes.txt")).code).toBe(1);
  });
});
