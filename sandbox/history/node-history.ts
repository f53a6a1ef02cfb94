/**
 * The node's history, kept with isomorphic-git in a repository the learner cannot reach (its
 * own in-memory filesystem, not the node's). Each commit holds the node's tracked files as a
 * tree and, beside them, `.sandbox/replay.json`: the sandbox snapshot (a replay log) that
 * rebuilds everything that is not a file — units, processes, containers, API objects, the
 * clock. A commit is made when an exercise starts and after each command that changed the
 * node; "undo" and "reset exercise" restore a commit's snapshot, and "what did I change?"
 * diffs a commit's tree against the node's files now.
 */
import git from "isomorphic-git";
import { languageOf } from "../editor/editor";
import { NodeFs } from "../node/fs";
import "./buffer";
import { gitFs } from "./git-fs";
import { commitFiles, type FlatEntry, writeNestedTree } from "./git-tree";
import { writeBlob, writeCommit } from "./loose-object";
import { asText, sameFile, type TrackedFile } from "./tracked";

const GITDIR = "/history.git";
const STATE_PATH = ".sandbox/replay.json";
const AUTHOR = { name: "root", email: "root@aks-nodepool1-12345678-vmss000000" };

/** A sandbox snapshot as the history stores it (sandbox.ts's SandboxSnapshot: a replay log). */
export interface ReplaySnapshot {
  readonly scenario: string;
  readonly seed: number;
  readonly steps: readonly unknown[];
}

/** What the history needs from the sandbox: the node's files and clock now, and whole-state save/restore. */
export interface HistoryHost {
  files(): Map<string, TrackedFile>;
  /** Changes whenever a file may have changed (NodeFs.generation): equal values skip the comparison. */
  filesVersion?(): string;
  now(): number;
  snapshot(): ReplaySnapshot;
  restore(snapshot: ReplaySnapshot): Promise<void>;
}

export interface HistoryEntry {
  oid: string;
  /** The command line that changed the node, or `Start exercise <id>`. */
  message: string;
  /** Simulated time of the commit, ms since the epoch. */
  time: number;
  /** Set on the commit made when an exercise started. */
  exercise?: string;
}

export interface FileChange {
  /** Absolute path on the node. */
  path: string;
  change: "added" | "modified" | "deleted";
  /** Monaco language id from the file's name, for the diff view. */
  language: string;
  before: string;
  after: string;
}

const exerciseTrailer = /^Sandbox-Exercise: (.+)$/m;

function parseMessage(raw: string): { message: string; exercise?: string } {
  const exercise = exerciseTrailer.exec(raw)?.[1];
  return { message: raw.replace(exerciseTrailer, "").trim(), exercise };
}

export class NodeHistory {
  private readonly fs = gitFs(new NodeFs(() => 0));
  /** Blob ids of the files in HEAD's tree, so a commit hashes only what changed. */
  private committed = new Map<string, { file: TrackedFile; oid: string }>();
  /** host.filesVersion() when the files were last compared with `committed` and found equal. */
  private comparedAt: string | undefined;

  private constructor(private readonly host: HistoryHost) {}

  /** A new history whose first commit is the node as it is now. */
  static async open(host: HistoryHost): Promise<NodeHistory> {
    const history = new NodeHistory(host);
    await git.init({ fs: history.fs, gitdir: GITDIR, bare: true, defaultBranch: "main" });
    await history.commit("Start", true);
    return history;
  }

  /** Commit if the node's files differ from HEAD or `stateChanged` says something else moved. */
  async record(message: string, stateChanged: boolean): Promise<HistoryEntry | undefined> {
    return this.commit(message, stateChanged);
  }

  /** Mark where an exercise starts: "reset exercise" comes back here. */
  async startExercise(id: string): Promise<HistoryEntry> {
    const entry = (await this.commit(`Start exercise ${id}\n\nSandbox-Exercise: ${id}`, true)) as HistoryEntry;
    await git.writeRef({ fs: this.fs, gitdir: GITDIR, ref: `refs/exercises/${id}`, value: entry.oid, force: true });
    return entry;
  }

  /** Newest first, from HEAD. */
  async log(): Promise<HistoryEntry[]> {
    const commits = await git.log({ fs: this.fs, gitdir: GITDIR, ref: "HEAD" });
    return commits.map((c) => ({
      oid: c.oid,
      time: c.commit.committer.timestamp * 1000,
      ...parseMessage(c.commit.message),
    }));
  }

  /**
   * Undo the last command that changed the node: restore the state before it, files and all.
   * Returns the commit now at HEAD, or undefined when there is nothing to undo.
   */
  async undo(): Promise<HistoryEntry | undefined> {
    const log = await this.log();
    const last = log.findIndex((e) => e.exercise === undefined && e.message !== "Start");
    const target = log[last + 1];
    if (last < 0 || !target) return undefined;
    await this.moveTo(target.oid);
    return target;
  }

  /** Back to the node as it was when the exercise started. */
  async resetExercise(id: string): Promise<HistoryEntry> {
    const oid = await git.resolveRef({ fs: this.fs, gitdir: GITDIR, ref: `refs/exercises/${id}` }).catch(() => {
      throw new Error(`exercise "${id}" was never started`);
    });
    await this.moveTo(oid);
    return (await this.log())[0] as HistoryEntry;
  }

  /** The node's files now against the start of an exercise (or of the history): the diff view's input. */
  async changes(sinceExercise?: string): Promise<FileChange[]> {
    const base = sinceExercise
      ? await git.resolveRef({ fs: this.fs, gitdir: GITDIR, ref: `refs/exercises/${sinceExercise}` })
      : (await this.log()).at(-1)?.oid;
    const before = base ? await this.readFiles(base) : new Map<string, string>();
    const now = this.host.files();
    const changes: FileChange[] = [];
    for (const path of [...new Set([...before.keys(), ...now.keys()])].sort()) {
      const old = before.get(path);
      const cur = now.get(path);
      const after = cur ? asText(cur.data) : undefined;
      if (old === after) continue;
      changes.push({
        path: `/${path}`,
        change: old === undefined ? "added" : after === undefined ? "deleted" : "modified",
        language: languageOf(`/${path}`),
        before: old ?? "",
        after: after ?? "",
      });
    }
    return changes;
  }

  private async moveTo(oid: string): Promise<void> {
    const { blob } = await git.readBlob({ fs: this.fs, gitdir: GITDIR, oid, filepath: STATE_PATH });
    await this.host.restore(JSON.parse(new TextDecoder().decode(blob)) as ReplaySnapshot);
    await git.writeRef({ fs: this.fs, gitdir: GITDIR, ref: "refs/heads/main", value: oid, force: true });
    this.committed = new Map();
    this.comparedAt = undefined;
    for (const [path, text] of await this.readFiles(oid)) {
      const file = this.host.files().get(path);
      if (file && asText(file.data) === text) {
        this.committed.set(path, { file, oid: await this.writeBlob(file.data) });
      }
    }
  }

  private async readFiles(commitOid: string): Promise<Map<string, string>> {
    const files = new Map<string, string>();
    for (const [path, { oid }] of await commitFiles({ fs: this.fs, gitdir: GITDIR }, commitOid, [".sandbox"])) {
      const { blob } = await git.readBlob({ fs: this.fs, gitdir: GITDIR, oid });
      files.set(path, new TextDecoder().decode(blob));
    }
    return files;
  }

  private writeBlob(data: string | Uint8Array): Promise<string> {
    return writeBlob({ fs: this.fs, gitdir: GITDIR }, data);
  }

  private async commit(message: string, force: boolean): Promise<HistoryEntry | undefined> {
    const version = this.host.filesVersion?.();
    // Most commands write no file: then nothing is read or compared.
    if (!force && version !== undefined && version === this.comparedAt) return undefined;
    const files = this.host.files();
    let changed = files.size !== this.committed.size;
    const next = new Map<string, { file: TrackedFile; oid: string }>();
    for (const [path, file] of files) {
      const prev = this.committed.get(path);
      if (prev && sameFile(prev.file, file)) {
        next.set(path, { file: { ...file }, oid: prev.oid });
      } else {
        changed = true;
        next.set(path, { file: { ...file }, oid: await this.writeBlob(file.data) });
      }
    }
    this.comparedAt = version;
    if (!changed && !force) return undefined;
    const state = await this.writeBlob(JSON.stringify(this.host.snapshot()));
    const entries: FlatEntry[] = [...next].map(([path, { file, oid }]) => [path, file.mode, oid]);
    entries.push([STATE_PATH, "100644", state]);
    const tree = await writeNestedTree({ fs: this.fs, gitdir: GITDIR }, entries, this.trees);
    const parent = await git.resolveRef({ fs: this.fs, gitdir: GITDIR, ref: "HEAD" }).catch(() => undefined);
    const timestamp = Math.floor(this.host.now() / 1000);
    const oid = await writeCommit(
      { fs: this.fs, gitdir: GITDIR },
      {
        message: `${message}\n`,
        tree,
        parent: parent ? [parent] : [],
        author: { ...AUTHOR, timestamp },
        committer: { ...AUTHOR, timestamp },
      },
    );
    await git.writeRef({ fs: this.fs, gitdir: GITDIR, ref: "refs/heads/main", value: oid, force: true });
    this.committed = next;
    return { oid, time: timestamp * 1000, ...parseMessage(message) };
  }

  /** Tree ids by their entries: a commit rewrites only the directories that changed. */
  private readonly trees = new Map<string, string>();
}
