/**
 * Git objects for the node's history, written as git writes loose objects: id = SHA-1 of
 * `<type> <size>\0<content>`, stored zlib-deflated under objects/xx/yyyy (git's
 * Documentation/technical, "Object storage"; tree and commit layouts as git's tree.c and
 * commit.c write them). isomorphic-git would deflate through CompressionStream where the
 * platform has one: a Blob, a stream and a Response per object, several per commit, which
 * made a history commit ~6 ms of a command's latency. Here hashing and deflating are
 * synchronous (pako, the zlib isomorphic-git itself falls back to) and isomorphic-git only
 * stores the bytes (`format: "deflated"`); it reads them back as any other loose object.
 */
import git from "isomorphic-git";
import pako from "pako";
import { sha1Bytes } from "../util/sha1";
import type { GitFs } from "./git-fs";

export interface Repo {
  fs: GitFs;
  gitdir: string;
}

const encoder = new TextEncoder();

export async function writeLooseObject(
  repo: Repo,
  type: "blob" | "tree" | "commit",
  content: Uint8Array,
): Promise<string> {
  const header = encoder.encode(`${type} ${content.length}\0`);
  const wrapped = new Uint8Array(header.length + content.length);
  wrapped.set(header);
  wrapped.set(content, header.length);
  const oid = sha1Bytes(wrapped);
  await git.writeObject({
    fs: repo.fs,
    gitdir: repo.gitdir,
    type,
    object: pako.deflate(wrapped),
    format: "deflated",
    oid,
  });
  return oid;
}

export function writeBlob(repo: Repo, data: string | Uint8Array): Promise<string> {
  return writeLooseObject(repo, "blob", typeof data === "string" ? encoder.encode(data) : data);
}

export interface TreeEntry {
  mode: string;
  path: string;
  oid: string;
}

/** A tree: entries in git's order (a directory sorts as if its name ended in "/"), `<mode> <name>\0<20-byte id>`. */
export function writeTree(repo: Repo, entries: readonly TreeEntry[]): Promise<string> {
  const key = (e: TreeEntry) => (e.mode === "040000" ? `${e.path}/` : e.path);
  const sorted = [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const parts = sorted.map((e) => {
    const head = encoder.encode(`${e.mode.replace(/^0/, "")} ${e.path}\0`);
    const bytes = new Uint8Array(head.length + 20);
    bytes.set(head);
    for (let i = 0; i < 20; i++) bytes[head.length + i] = Number.parseInt(e.oid.slice(2 * i, 2 * i + 2), 16);
    return bytes;
  });
  const content = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    content.set(p, at);
    at += p.length;
  }
  return writeLooseObject(repo, "tree", content);
}

export interface Signature {
  name: string;
  email: string;
  /** Seconds since the epoch. */
  timestamp: number;
}

/** A commit (UTC signatures, as the history's are): tree, parents, author, committer, a blank line, the message. */
export function writeCommit(
  repo: Repo,
  commit: { tree: string; parent: readonly string[]; author: Signature; committer: Signature; message: string },
): Promise<string> {
  const who = (s: Signature) => `${s.name} <${s.email}> ${s.timestamp} +0000`;
  const text =
    `tree ${commit.tree}\n` +
    commit.parent.map((p) => `parent ${p}\n`).join("") +
    `author ${who(commit.author)}\ncommitter ${who(commit.committer)}\n\n${commit.message}`;
  return writeLooseObject(repo, "commit", encoder.encode(text));
}
