import { describe, expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

describe("git", () => {
  it("keeps /etc as etckeeper does: clean at first, then the learner's edits", async () => {
    const node = freshNode();
    expect(await run(node, "git -C /etc status")).toEqual({
      out: "On branch master\nnothing to commit, working tree clean\n",
      err: "",
      code: 0,
    });
    expect((await run(node, "git -C /etc log")).out).toBe(
      "commit 968c86885ac78e81ec4506f6e12480e9d2de71b1 (HEAD -> master)\n" +
        "Author: root <root@aks-nodepool1-12345678-vmss000000>\n" +
        "Date:   Thu Oct 30 16:06:00 2025 +0000\n\n" +
        "    Initial commit\n",
    );
    await run(node, "echo 'runtime-endpoint: unix:///run/containerd/containerd.sock' > /etc/crictl.yaml");
    await run(node, "echo 'timeout: 10' >> /etc/crictl.yaml; systemctl disable kubelet");
    expect((await run(node, "cd /etc/systemd && git status")).out).toBe(
      "On branch master\n" +
        "Changes not staged for commit:\n" +
        '  (use "git add/rm <file>..." to update what will be committed)\n' +
        '  (use "git restore <file>..." to discard changes in working directory)\n' +
        "\tmodified:   ../crictl.yaml\n" +
        "\tdeleted:    system/multi-user.target.wants/kubelet.service\n\n" +
        'no changes added to commit (use "git add" and/or "git commit -a")\n',
    );
    expect((await run(node, "git -C /etc diff")).out).toBe(
      "diff --git a/crictl.yaml b/crictl.yaml\n" +
        "index 8bfa215..5950909 100644\n" +
        "--- a/crictl.yaml\n" +
        "+++ b/crictl.yaml\n" +
        "@@ -1 +1,2 @@\n" +
        " runtime-endpoint: unix:///run/containerd/containerd.sock\n" +
        "+timeout: 10\n" +
        "diff --git a/systemd/system/multi-user.target.wants/kubelet.service b/systemd/system/multi-user.target.wants/kubelet.service\n" +
        "deleted file mode 120000\n" +
        "index c3ed2be..0000000\n" +
        "--- a/systemd/system/multi-user.target.wants/kubelet.service\n" +
        "+++ /dev/null\n" +
        "@@ -1 +0,0 @@\n" +
        "-/etc/systemd/system/kubelet.service\n" +
        "\\ No newline at end of file\n",
    );
    await run(node, "git -C /etc checkout -- crictl.yaml");
    expect((await run(node, "cat /etc/crictl.yaml")).out).toBe(
      "runtime-endpoint: unix:///run/containerd/containerd.sock\n",
    );
  });

  it("init, add, commit with an identity, log, show and the errors on the way", async () => {
    const node = freshNode();
    const init = await run(node, "git init /root/notes");
    expect(init.out).toBe("Initialized empty Git repository in /root/notes/.git/\n");
    expect(init.err).toMatch(/^hint: Using 'master' as the name for the initial branch\./);
    expect(await run(node, "git status")).toEqual({
      out: "",
      err: "fatal: not a git repository (or any of the parent directories): .git\n",
      code: 128,
    });
    await run(node, "cd /root/notes && printf 'a\\nb\\nc\\n' > steps.txt && mkdir logs && echo x > logs/1");
    expect((await run(node, "git status")).out).toBe(
      "On branch master\n\nNo commits yet\n\n" +
        'Untracked files:\n  (use "git add <file>..." to include in what will be committed)\n' +
        "\tlogs/\n\tsteps.txt\n\n" +
        'nothing added to commit but untracked files present (use "git add" to track)\n',
    );
    expect(await run(node, "git add nothing-here")).toEqual({
      out: "",
      err: "fatal: pathspec 'nothing-here' did not match any files\n",
      code: 128,
    });
    await run(node, "git add .");
    const anonymous = await run(node, "git commit -m first");
    expect(anonymous.code).toBe(128);
    expect(anonymous.err).toContain("*** Please tell me who you are.");
    expect(anonymous.err.trimEnd().split("\n").at(-1)).toBe(
      "fatal: unable to auto-detect email address (got 'root@aks-nodepool1-12345678-vmss000000.(none)')",
    );
    await run(node, "git config --global user.email learner@example.com && git config --global user.name Learner");
    expect((await run(node, "cat ~/.gitconfig")).out).toBe("[user]\n\temail = learner@example.com\n\tname = Learner\n");
    expect((await run(node, "git commit -m first")).out).toMatch(
      /^\[master \(root-commit\) [0-9a-f]{7}\] first\n 2 files changed, 4 insertions\(\+\)\n create mode 100644 logs\/1\n create mode 100644 steps.txt\n$/,
    );
    await run(node, "sed -i 's/b/B/' steps.txt");
    expect((await run(node, "git commit -am 'capital B'")).out).toMatch(
      /^\[master [0-9a-f]{7}\] capital B\n 1 file changed, 1 insertion\(\+\), 1 deletion\(-\)\n$/,
    );
    expect((await run(node, "git log --oneline | sed 's/^[0-9a-f]* //'")).out).toBe(
      "(HEAD -> master) capital B\nfirst\n",
    );
    expect((await run(node, "git show | tail -7")).out).toBe(
      "--- a/steps.txt\n+++ b/steps.txt\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n",
    );
    expect(await run(node, "git commit -m again")).toEqual({
      out: "On branch master\nnothing to commit, working tree clean\n",
      err: "",
      code: 1,
    });
    expect(await run(node, "git frobnicate")).toEqual({
      out: "",
      err: "git: 'frobnicate' is not a git command. See 'git --help'.\n",
      code: 1,
    });
    expect((await run(node, "git --version")).out).toBe("git version 2.34.1\n");
  });
});
