/**
 * The git subcommands a learner reaches for on a node, over isomorphic-git: init, status, add,
 * rm, commit, log, diff, show, checkout, restore, reset, config. Output and errors as git 2.34.1
 * (Ubuntu 22.04's) prints them to a terminal, without colour or pager.
 */
import { materializeEtcRepo } from "../../history/etckeeper";
import { gitFs } from "../../history/git-fs";
import { commitFiles } from "../../history/git-tree";
import { normalizePath } from "../../node/fs";
import type { World } from "../../world";
import { type ExecResult, fail, ok } from "../types";
import { blobText, fileStates } from "./file-states";
import {
  configValue,
  currentBranch,
  display,
  findRepo,
  git,
  gitDate,
  globalConfig,
  headOid,
  identityUnknown,
  inRepo,
  NOT_A_REPO,
  type Repo,
} from "./repo";
import { status, summarize } from "./status";
import { lineCounts, unifiedDiff } from "./unified";

const INIT_HINT = `hint: Using 'master' as the name for the initial branch. This default branch name
hint: is subject to change. To configure the initial branch name to use in all
hint: of your new repositories, which will suppress this warning, call:
hint: 
hint: 	git config --global init.defaultBranch <name>
hint: 
hint: Names commonly chosen instead of 'master' are 'main', 'trunk' and
hint: 'development'. The just-created branch can be renamed via this command:
hint: 
hint: 	git branch -m <name>
`;

type Sub = (repo: Repo, args: string[]) => Promise<ExecResult>;

export async function runGit(world: World, cwd: string, sub: string, args: string[]): Promise<ExecResult> {
  if (world.pendingEtcRepo) {
    await materializeEtcRepo(world.fs, world.pendingEtcRepo);
    world.pendingEtcRepo = undefined;
  }
  if (sub === "init") return init(world, cwd, args);
  if (sub === "config") return config(world, cwd, args);
  const handler = SUBCOMMANDS[sub];
  if (!handler) return fail(`git: '${sub}' is not a git command. See 'git --help'.\n`, 1);
  const repo = findRepo(world, cwd);
  if (!repo) return fail(NOT_A_REPO, 128);
  return handler(repo, args);
}

async function init(world: World, cwd: string, args: string[]): Promise<ExecResult> {
  const quiet = args.includes("-q") || args.includes("--quiet");
  const target = args.find((a) => !a.startsWith("-"));
  const dir = normalizePath(target ? (target.startsWith("/") ? target : `${cwd}/${target}`) : cwd);
  const gitdir = `${dir === "/" ? "" : dir}/.git`;
  const existed = world.fs.isDirectorySync(gitdir);
  const branch = globalConfig(world, "init.defaultBranch");
  if (!existed) {
    world.fs.mkdirSync(dir);
    await git.init({ fs: gitFs(world.fs), dir, gitdir, defaultBranch: branch ?? "master" });
  }
  const said = `${existed ? "Reinitialized existing" : "Initialized empty"} Git repository in ${gitdir}/\n`;
  return { stdout: quiet ? "" : said, stderr: existed || branch || quiet ? "" : INIT_HINT, exitCode: 0 };
}

async function config(world: World, cwd: string, args: string[]): Promise<ExecResult> {
  const global = args.includes("--global");
  const rest = args.filter((a) => a !== "--global" && a !== "--local");
  const repo = global ? undefined : findRepo(world, cwd);
  if (rest[0] === "--list" || rest[0] === "-l") {
    const lines: string[] = [];
    const file = world.fs.tryReadFileSync("/root/.gitconfig");
    if (file) lines.push(...flatten(file));
    if (repo) lines.push(...flatten(world.fs.tryReadFileSync(`${repo.gitdir}/config`) ?? ""));
    return ok(lines.map((l) => `${l}\n`).join(""));
  }
  const [key, value] = rest;
  if (!key || !/^[A-Za-z][\w-]*(\.[^\s=]+)?\.[A-Za-z][\w-]*$/.test(key)) {
    return fail(
      key ? `error: key does not contain a section: ${key}\n` : "usage: git config [<options>]\n",
      key ? 1 : 129,
    );
  }
  if (value === undefined) {
    const found = global ? globalConfig(world, key) : await configValue(repo, key);
    return found === undefined ? fail("", 1) : ok(`${found}\n`);
  }
  if (!global && !repo) return fail("fatal: not in a git directory\n", 128);
  if (repo) {
    await git.setConfig({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, path: key, value });
  } else {
    world.fs.writeFileSync("/root/.gitconfig", setIni(world.fs.tryReadFileSync("/root/.gitconfig") ?? "", key, value));
  }
  return ok();
}

/** `section.key=value` lines of a git config file, as `git config --list` prints them. */
function flatten(text: string): string[] {
  const out: string[] = [];
  let section = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    const header = /^\[([^\]\s]+)(?:\s+"([^"]*)")?\]$/.exec(line);
    if (header) section = header[2] ? `${header[1]}.${header[2]}` : (header[1] ?? "");
    else {
      const kv = /^([A-Za-z][\w-]*)\s*=\s*(.*)$/.exec(line);
      if (kv) out.push(`${section}.${kv[1]?.toLowerCase()}=${kv[2]}`);
    }
  }
  return out;
}

/** Set a key in a git config file the way `git config --global` writes it (tab-indented). */
function setIni(text: string, key: string, value: string): string {
  const at = key.lastIndexOf(".");
  const section = key.slice(0, at);
  const name = key.slice(at + 1);
  const lines = text ? text.replace(/\n$/, "").split("\n") : [];
  let inSection = false;
  let sectionEnd = -1;
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*\[([^\]\s]+)\]\s*$/.exec(lines[i] ?? "");
    if (header) {
      inSection = header[1]?.toLowerCase() === section.toLowerCase();
      if (inSection) sectionEnd = i;
      continue;
    }
    if (inSection) {
      sectionEnd = i;
      const kv = /^\s*([A-Za-z][\w-]*)\s*=/.exec(lines[i] ?? "");
      if (kv && kv[1]?.toLowerCase() === name.toLowerCase()) {
        lines[i] = `\t${name} = ${value}`;
        return `${lines.join("\n")}\n`;
      }
    }
  }
  if (sectionEnd >= 0) lines.splice(sectionEnd + 1, 0, `\t${name} = ${value}`);
  else lines.push(`[${section}]`, `\t${name} = ${value}`);
  return `${lines.join("\n")}\n`;
}

const pathspecs = (repo: Repo, args: string[]): string[] | ExecResult => {
  const paths: string[] = [];
  for (const arg of args.filter((a) => a !== "--" && !a.startsWith("-"))) {
    const p = inRepo(repo, arg);
    if (p === undefined) return fail(`fatal: ${arg}: '${arg}' is outside repository at '${repo.dir}'\n`, 128);
    paths.push(p);
  }
  return paths;
};

const under = (path: string, specs: string[]) =>
  specs.length === 0 || specs.some((s) => s === "." || path === s || path.startsWith(`${s}/`));

const add: Sub = async (repo, args) => {
  const specs = pathspecs(repo, args);
  if (!Array.isArray(specs)) return specs;
  const all = args.includes("-A") || args.includes("--all");
  if (specs.length === 0 && !all)
    return ok("Nothing specified, nothing added.\nMaybe you wanted to say 'git add .'?\n");
  const states = await fileStates(repo);
  for (const spec of specs) {
    if (spec !== "." && !states.some((s) => under(s.path, [spec]))) {
      const shown = args.filter((a) => !a.startsWith("-"))[specs.indexOf(spec)] ?? spec;
      return fail(`fatal: pathspec '${shown}' did not match any files\n`, 128);
    }
  }
  for (const s of states) {
    if (!under(s.path, all && specs.length === 0 ? [] : specs)) continue;
    if (s.work) await git.add({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, filepath: s.path });
    else if (s.stage) await git.remove({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, filepath: s.path });
  }
  return ok();
};

const rm: Sub = async (repo, args) => {
  const cached = args.includes("--cached");
  const specs = pathspecs(repo, args);
  if (!Array.isArray(specs)) return specs;
  const states = await fileStates(repo);
  let out = "";
  for (const spec of specs) {
    const hits = states.filter((s) => s.stage && (s.path === spec || (args.includes("-r") && under(s.path, [spec]))));
    if (hits.length === 0) return fail(`fatal: pathspec '${spec}' did not match any files\n`, 128);
    for (const s of hits) {
      await git.remove({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, filepath: s.path });
      if (!cached) repo.world.fs.rmSync(`${repo.dir === "/" ? "" : repo.dir}/${s.path}`, { force: true });
      out += `rm '${s.path}'\n`;
    }
  }
  return ok(out);
};

/** commit's options: `-m MSG`, `-mMSG`, `--message=MSG`, `-a`/`--all`, bundled as `-am MSG`. */
function commitOptions(args: string[]): { message?: string; all: boolean; quiet: boolean } | string {
  let message: string | undefined;
  let all = false;
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--all") all = true;
    else if (a.startsWith("--message=")) message = a.slice("--message=".length);
    else if (a === "--message") message = args[++i];
    else if (a === "-q" || a === "--quiet") quiet = true;
    else if (/^-[a-zA-Z]+/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const flag = a[j];
        if (flag === "a") all = true;
        else if (flag === "q") quiet = true;
        else if (flag === "m") {
          message = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          break;
        } else return `error: unknown switch \`${flag}'\n`;
      }
    } else if (a.startsWith("--")) return `error: unknown option \`${a.slice(2)}'\n`;
  }
  return { message, all, quiet };
}

const commit: Sub = async (repo, args) => {
  const options = commitOptions(args);
  if (typeof options === "string") return fail(options, 129);
  const { message, all, quiet } = options;
  if (message === undefined) {
    return fail(
      "error: there was a problem with the editor 'editor'.\nPlease supply the message using either -m or -F option.\n",
      1,
    );
  }
  if (all) {
    for (const s of await fileStates(repo)) {
      if (s.stage && !s.work) await git.remove({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, filepath: s.path });
      else if (s.stage && s.work && s.stage.oid !== s.work.oid) {
        await git.add({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, filepath: s.path });
      }
    }
  }
  const states = await fileStates(repo);
  const summary = summarize(states);
  if (summary.staged.length === 0) {
    const shown = await status(repo, []);
    return { stdout: shown.stdout, stderr: "", exitCode: 1 };
  }
  const name = await configValue(repo, "user.name");
  const email = await configValue(repo, "user.email");
  if (!email) return fail(identityUnknown(repo.world), 128);
  const parent = await headOid(repo);
  const timestamp = Math.floor(repo.world.clock.now() / 1000);
  const who = { name: name ?? "root", email, timestamp, timezoneOffset: 0 };
  const oid = await git.commit({
    fs: repo.fs,
    dir: repo.dir,
    gitdir: repo.gitdir,
    message,
    author: who,
    committer: who,
  });
  let insertions = 0;
  let deletions = 0;
  const modes: string[] = [];
  for (const [, path] of summary.staged) {
    const s = states.find((x) => x.path === path);
    const counts = lineCounts(await blobText(repo, s?.head), await blobText(repo, s?.stage));
    insertions += counts.insertions;
    deletions += counts.deletions;
    if (!s?.head && s?.stage) modes.push(` create mode ${s.stage.mode} ${path}\n`);
    else if (s?.head && !s.stage) modes.push(` delete mode ${s.head.mode} ${path}\n`);
    else if (s?.head && s.stage && s.head.mode !== s.stage.mode) {
      modes.push(` mode change ${s.head.mode} => ${s.stage.mode} ${path}\n`);
    }
  }
  const stat = summaryLine(summary.staged.length, insertions, deletions);
  if (quiet) return ok();
  const root = parent ? "" : " (root-commit)";
  const subject = message.split("\n")[0];
  return ok(`[${await currentBranch(repo)}${root} ${oid.slice(0, 7)}] ${subject}\n${stat}\n${modes.join("")}`);
};

const log: Sub = async (repo, args) => {
  const oneline = args.includes("--oneline");
  let depth: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (/^-\d+$/.test(a)) depth = Number(a.slice(1));
    else if (a === "-n") depth = Number(args[++i]);
    else if (/^--max-count=\d+$/.test(a)) depth = Number(a.split("=")[1]);
  }
  if (!(await headOid(repo))) {
    return fail(`fatal: your current branch '${await currentBranch(repo)}' does not have any commits yet\n`, 128);
  }
  const commits = await git.log({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, ref: "HEAD", depth });
  const branch = await currentBranch(repo);
  const out = commits.map((c, i) => {
    const deco = i === 0 ? ` (HEAD -> ${branch})` : "";
    const msg = c.commit.message.replace(/\n+$/, "");
    if (oneline) return `${c.oid.slice(0, 7)}${deco} ${msg.split("\n")[0]}\n`;
    const a = c.commit.author;
    const body = msg
      .split("\n")
      .map((l) => (l ? `    ${l}` : ""))
      .join("\n");
    return `commit ${c.oid}${deco}\nAuthor: ${a.name} <${a.email}>\nDate:   ${gitDate(a.timestamp, a.timezoneOffset)}\n\n${body}\n`;
  });
  return ok(out.join(oneline ? "" : "\n"));
};

const DIFF_OPTIONS = new Set(["--cached", "--staged", "--name-only", "--stat", "--no-color", "--"]);

const diff: Sub = async (repo, args) => {
  const unknown = args.find((a) => a.startsWith("-") && !DIFF_OPTIONS.has(a));
  if (unknown) return fail(`error: invalid option: ${unknown}\n`, 129);
  const cached = args.includes("--cached") || args.includes("--staged");
  const againstHead = args.includes("HEAD");
  const nameOnly = args.includes("--name-only");
  const specs = pathspecs(
    repo,
    args.filter((a) => a !== "HEAD"),
  );
  if (!Array.isArray(specs)) return specs;
  let out = "";
  const stats: [string, number, number][] = [];
  for (const s of await fileStates(repo)) {
    if (!under(s.path, specs)) continue;
    const from = cached || againstHead ? s.head : s.stage;
    const to = cached ? s.stage : againstHead ? (s.stage || s.head ? s.work : undefined) : s.stage ? s.work : undefined;
    if (!from && !to) continue;
    if (from?.oid === to?.oid && from?.mode === to?.mode) continue;
    if (!cached && !againstHead && !s.stage) continue;
    if (nameOnly) {
      out += `${s.path}\n`;
      continue;
    }
    const a = from ? { ...from, text: await blobText(repo, from) } : undefined;
    const b = to ? { ...to, text: await blobText(repo, to, cached ? undefined : s.path) } : undefined;
    if (args.includes("--stat")) {
      const counts = lineCounts(a?.text ?? "", b?.text ?? "");
      stats.push([s.path, counts.insertions, counts.deletions]);
    } else out += unifiedDiff(s.path, a, b);
  }
  return ok(args.includes("--stat") ? diffstat(stats) : out);
};

/** `--stat` as diff.c's show_stats draws it for an 80-column terminal. */
function diffstat(files: [string, number, number][]): string {
  if (files.length === 0) return "";
  const nameWidth = Math.max(...files.map(([n]) => n.length));
  const most = Math.max(...files.map(([, i, d]) => i + d));
  const countWidth = String(most).length;
  const graphWidth = Math.max(6, 80 - (1 + nameWidth + 3 + countWidth + 1));
  const scale = (n: number) => (most > graphWidth ? Math.round((n * graphWidth) / most) || (n ? 1 : 0) : n);
  let out = "";
  let insertions = 0;
  let deletions = 0;
  for (const [name, ins, del] of files) {
    insertions += ins;
    deletions += del;
    out += ` ${name.padEnd(nameWidth)} | ${String(ins + del).padStart(countWidth)} ${"+".repeat(scale(ins))}${"-".repeat(scale(del))}\n`;
  }
  return `${out}${summaryLine(files.length, insertions, deletions)}\n`;
}

/** ` 2 files changed, 3 insertions(+), 1 deletion(-)` (diff.c print_stat_summary). */
function summaryLine(files: number, insertions: number, deletions: number): string {
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? "" : "s"}`;
  let line = ` ${plural(files, "file")} changed`;
  if (insertions || !deletions) line += `, ${plural(insertions, "insertion")}(+)`;
  if (deletions || !insertions) line += `, ${plural(deletions, "deletion")}(-)`;
  return line;
}

const show: Sub = async (repo, args) => {
  const head = await headOid(repo);
  if (!head) return fail("fatal: your current branch 'master' does not have any commits yet\n", 128);
  const top = (await log(repo, ["-1"])).stdout;
  if (args.includes("--stat") || args.includes("-s") || args.includes("--no-patch")) return ok(top);
  const { commit: c } = await git.readCommit({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, oid: head });
  const parent = c.parent[0];
  const files = async (oid: string | undefined) =>
    oid ? commitFiles(repo, oid) : new Map<string, { oid: string; mode: string }>();
  const before = await files(parent);
  const after = await files(head);
  let out = `${top}\n`;
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(path);
    const b = after.get(path);
    if (a?.oid === b?.oid && a?.mode === b?.mode) continue;
    out += unifiedDiff(
      path,
      a ? { ...a, text: await blobText(repo, a) } : undefined,
      b ? { ...b, text: await blobText(repo, b) } : undefined,
    );
  }
  return ok(out);
};

/** Put work-tree files back from the index (`checkout -- f`, `restore f`) or the index from HEAD (`restore --staged`). */
const restore: Sub = async (repo, args) => {
  const staged = args.includes("--staged") || args.includes("-S");
  const specs = pathspecs(repo, args);
  if (!Array.isArray(specs)) return specs;
  if (specs.length === 0) return fail("fatal: you must specify path(s) to restore\n", 128);
  const states = await fileStates(repo);
  for (const spec of specs) {
    const hits = states.filter((s) => under(s.path, [spec]) && (s.stage || s.head));
    if (hits.length === 0) return fail(`error: pathspec '${spec}' did not match any file(s) known to git\n`, 1);
    for (const s of hits) {
      if (staged) {
        await git.resetIndex({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, filepath: s.path });
      } else if (s.stage) {
        const abs = `${repo.dir === "/" ? "" : repo.dir}/${s.path}`;
        const text = await blobText(repo, s.stage);
        repo.world.fs.writeFileSync(abs, text, s.stage.mode === "100755" ? 0o755 : 0o644);
      }
    }
  }
  return ok();
};

const checkout: Sub = async (repo, args) => {
  const dashdash = args.indexOf("--");
  if (dashdash >= 0 || args.every((a) => inRepo(repo, a) !== undefined && repo.world.fs.existsSync(a))) {
    return restore(repo, dashdash >= 0 ? args.slice(dashdash + 1) : args);
  }
  return fail(`error: pathspec '${args[0] ?? ""}' did not match any file(s) known to git\n`, 1);
};

const reset: Sub = async (repo, args) => {
  const hard = args.includes("--hard");
  const head = await headOid(repo);
  if (!head) return fail("fatal: ambiguous argument 'HEAD': unknown revision or path not in the working tree.\n", 128);
  for (const s of await fileStates(repo)) {
    if (!s.head && !s.stage) continue;
    await git.resetIndex({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, filepath: s.path });
    if (hard) {
      const abs = `${repo.dir === "/" ? "" : repo.dir}/${s.path}`;
      if (s.head) {
        repo.world.fs.writeFileSync(abs, await blobText(repo, s.head), s.head.mode === "100755" ? 0o755 : 0o644);
      } else repo.world.fs.rmSync(abs, { force: true });
    }
  }
  if (!hard) {
    const unstaged = summarize(await fileStates(repo)).unstaged;
    const lines = unstaged.map(([c, p]) => `${c === "deleted" ? "D" : "M"}\t${display(repo, p)}\n`).join("");
    return ok(lines ? `Unstaged changes after reset:\n${lines}` : "");
  }
  const { commit: c } = await git.readCommit({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, oid: head });
  return ok(`HEAD is now at ${head.slice(0, 7)} ${c.message.split("\n")[0]}\n`);
};

const SUBCOMMANDS: Record<string, Sub> = {
  add,
  checkout,
  commit,
  diff,
  log,
  reset,
  restore,
  rm,
  show,
  status: (repo, args) => status(repo, args),
};
