/**
 * The contract isomorphic-git relies on (Node's fs.promises): Buffers unless utf8 is asked for,
 * Node's error codes, lstat for links, stats that change when the content does.
 */
import git from "isomorphic-git";
import { describe, expect, it } from "vitest";
import { NodeFs } from "../node/fs";
import { gitFs } from "./git-fs";

const fresh = () => {
  const node = new NodeFs(() => Date.UTC(2025, 9, 30, 16, 6));
  return { node, fs: gitFs(node).promises };
};

describe("gitFs", () => {
  it("reads and writes as fs.promises does", async () => {
    const { node, fs } = fresh();
    await fs.mkdir("/repo");
    await fs.writeFile("/repo/a.txt", "hello\n");
    await fs.writeFile("/repo/b.bin", new Uint8Array([0, 1, 2]), { mode: 0o755 });
    expect(await fs.readFile("/repo/a.txt", { encoding: "utf8" })).toBe("hello\n");
    expect(await fs.readFile("/repo/a.txt", "utf8")).toBe("hello\n");
    const bytes = (await fs.readFile("/repo/b.bin")) as Uint8Array;
    expect([...bytes]).toEqual([0, 1, 2]);
    expect(node.statSync("/repo/b.bin").mode & 0o777).toBe(0o755);
    expect((await fs.readdir("/repo")).sort()).toEqual(["a.txt", "b.bin"]);
  });

  it("fails with Node's error codes", async () => {
    const { fs } = fresh();
    await fs.mkdir("/d");
    await fs.writeFile("/d/f", "x");
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e: { code?: string }) => e.code,
      );
    expect(await code(fs.readFile("/nope"))).toBe("ENOENT");
    expect(await code(fs.stat("/nope"))).toBe("ENOENT");
    expect(await code(fs.readdir("/nope"))).toBe("ENOENT");
    expect(await code(fs.readdir("/d/f"))).toBe("ENOTDIR");
    expect(await code(fs.mkdir("/d"))).toBe("EEXIST");
    expect(await code(fs.rmdir("/d"))).toBe("ENOTEMPTY");
    expect(await code(fs.unlink("/d"))).toBe("EISDIR");
    await fs.unlink("/d/f");
    await fs.rmdir("/d");
    expect(await code(fs.lstat("/d"))).toBe("ENOENT");
  });

  it("lstat sees links, stat follows them, and a same-size rewrite changes the stat", async () => {
    const { fs } = fresh();
    await fs.writeFile("/target", "abc");
    await fs.symlink("/target", "/link");
    expect((await fs.lstat("/link")).isSymbolicLink()).toBe(true);
    expect((await fs.stat("/link")).isFile()).toBe(true);
    expect(await fs.readlink("/link")).toBe("/target");
    const before = await fs.stat("/target");
    await fs.writeFile("/target", "abd");
    const after = await fs.stat("/target");
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.size).toBe(before.size);
    expect(after.ctimeMs).not.toBe(before.ctimeMs);
  });

  it("carries a whole isomorphic-git round trip: init, add, commit, status", async () => {
    const { node } = fresh();
    const fs = gitFs(node);
    node.writeFileSync("/w/config.toml", 'sandbox_image = "pause:3.6"\n');
    await git.init({ fs, dir: "/w" });
    await git.add({ fs, dir: "/w", filepath: "config.toml" });
    const who = { name: "root", email: "root@node", timestamp: 1761840360, timezoneOffset: 0 };
    const oid = await git.commit({ fs, dir: "/w", message: "init", author: who, committer: who });
    expect(oid).toMatch(/^[0-9a-f]{40}$/);
    expect(await git.statusMatrix({ fs, dir: "/w" })).toEqual([["config.toml", 1, 1, 1]]);
    node.writeFileSync("/w/config.toml", 'sandbox_image = "pause:3.9"\n');
    expect(await git.statusMatrix({ fs, dir: "/w" })).toEqual([["config.toml", 1, 2, 1]]);
  });
});
