import git from "isomorphic-git";
import { describe, expect, it } from "vitest";
import { NodeFs } from "../node/fs";
import "./buffer";
import { gitFs } from "./git-fs";
import { writeBlob, writeCommit, writeTree } from "./loose-object";

const repo = () => ({ fs: gitFs(new NodeFs(() => 0)), gitdir: "/r.git" });

describe("loose objects written without isomorphic-git's deflate", () => {
  it("have git's ids: `printf 'hello\\n' | git hash-object --stdin`", async () => {
    const r = repo();
    await git.init({ fs: r.fs, gitdir: r.gitdir, bare: true });
    expect(await writeBlob(r, "hello\n")).toBe("ce013625030ba8dba906f756967f9e9ca394464a");
    // The empty tree every git knows.
    expect(await writeTree(r, [])).toBe("4b825dc642cb6eb9a060e54bf8d69288fbee4904");
  });

  it("are the objects isomorphic-git writes itself, and it reads them back", async () => {
    const ours = repo();
    const theirs = repo();
    for (const r of [ours, theirs]) await git.init({ fs: r.fs, gitdir: r.gitdir, bare: true });
    const binary = new Uint8Array([0, 1, 2, 255, 10]);
    const blobs = {
      a: await writeBlob(ours, "kubelet\n"),
      b: await writeBlob(ours, binary),
    };
    expect(blobs.a).toBe(await git.writeBlob({ ...theirs, blob: new TextEncoder().encode("kubelet\n") }));
    expect(blobs.b).toBe(await git.writeBlob({ ...theirs, blob: binary }));
    const sub = [{ mode: "100755", path: "run.sh", oid: blobs.b }];
    const subOid = await writeTree(ours, sub);
    expect(subOid).toBe(await git.writeTree({ ...theirs, tree: sub.map((e) => ({ ...e, type: "blob" as const })) }));
    // "etc" (a tree) sorts after "etc.conf" as git compares "etc/" with "etc.conf".
    const root = [
      { mode: "040000", path: "etc", oid: subOid },
      { mode: "100644", path: "etc.conf", oid: blobs.a },
      { mode: "120000", path: "link", oid: blobs.a },
    ];
    const rootOid = await writeTree(ours, root);
    expect(rootOid).toBe(
      await git.writeTree({
        ...theirs,
        tree: root.map((e) => ({ ...e, type: e.mode === "040000" ? ("tree" as const) : ("blob" as const) })),
      }),
    );
    const who = { name: "root", email: "root@aks-nodepool1-12345678-vmss000000", timestamp: 1761833171 };
    const commit = { tree: rootOid, parent: [], author: who, committer: who, message: "systemctl stop kubelet\n" };
    const oid = await writeCommit(ours, commit);
    expect(oid).toBe(
      await git.writeCommit({
        ...theirs,
        commit: { ...commit, author: { ...who, timezoneOffset: 0 }, committer: { ...who, timezoneOffset: 0 } },
      }),
    );
    const child = await writeCommit(ours, { ...commit, parent: [oid], message: "undo\n" });
    const read = await git.readCommit({ ...ours, oid: child });
    expect(read.commit.parent).toEqual([oid]);
    expect(read.commit.message).toBe("undo\n");
    // (Same ids as isomorphic-git's own trees above: the same bytes, entries in git's order.)
    expect(
      (await git.readTree({ ...ours, oid: rootOid })).tree.map((e) => `${e.mode} ${e.path} ${e.oid}`).sort(),
    ).toEqual([`040000 etc ${subOid}`, `100644 etc.conf ${blobs.a}`, `120000 link ${blobs.a}`]);
    expect(new TextDecoder().decode((await git.readBlob({ ...ours, oid: blobs.a })).blob)).toBe("kubelet\n");
  });
});
