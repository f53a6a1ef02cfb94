import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const node = freshNode();

it("shows the host's filesystems first, then the pods' tmpfs, shm and overlay mounts", async () => {
  const { out, err, code } = await run(node, "df -h");
  expect({ err, code }).toEqual({ err: "", code: 0 });
  const lines = out.split("\n");
  expect(lines.slice(0, 8).join("\n")).toBe(
    [
      "Filesystem      Size  Used Avail Use% Mounted on",
      "/dev/root       124G   22G   97G  19% /",
      "devtmpfs        3.9G     0  3.9G   0% /dev",
      "tmpfs           3.9G     0  3.9G   0% /dev/shm",
      "tmpfs           795M  1.2M  794M   1% /run",
      "tmpfs           5.0M     0  5.0M   0% /run/lock",
      "/dev/sda15      105M  6.1M   99M   6% /boot/efi",
      "/dev/sdb1        16G   28K   15G   1% /mnt",
    ].join("\n"),
  );
  // Each pod adds its /dev/shm and an overlay rootfs per running container (and the pause one).
  expect(
    lines.filter((l) =>
      /^shm {14}64M {5}0 {3}64M {3}0% \/run\/containerd\/io\.containerd\.grpc\.v1\.cri\/sandboxes\/[0-9a-f]{64}\/shm$/.test(
        l,
      ),
    ).length,
  ).toBeGreaterThan(5);
  expect(
    lines.filter((l) =>
      /^overlay {9}124G {3}22G {3}97G {2}19% \/run\/containerd\/io\.containerd\.runtime\.v2\.task\/k8s\.io\/[0-9a-f]{64}\/rootfs$/.test(
        l,
      ),
    ).length,
  ).toBeGreaterThan(10);
  expect(lines.at(-2)).toBe("tmpfs           795M  4.0K  795M   1% /run/user/1000");
});

const rootLine = /^\/dev\/root {6}129886128 (\d+) (\d+) {2}19% \/\n$/;
const used = async () => Number(rootLine.exec((await run(node, "df / | tail -1")).out)?.[1]);

it("answers for the filesystem a path is on, in 1K blocks by default", async () => {
  const { out, err, code } = await run(node, "df -T /var/log /nope");
  expect({ err, code }).toEqual({ err: "df: /nope: No such file or directory\n", code: 1 });
  expect(out).toMatch(
    /^Filesystem {5}Type 1K-blocks {5}Used Available Use% Mounted on\n\/dev\/root {6}ext4 129886128 \d{8} \d{9} {2}19% \/\n$/,
  );
  // Used + Available + ext4's 5% reserve = the filesystem's size.
  const [, u, a] = /ext4 129886128 (\d+) (\d+)/.exec(out) ?? [];
  expect(Number(u) + Number(a) + 6_494_306).toBe(129_886_128);
  expect(await run(node, "df -q")).toEqual({
    out: "",
    err: "df: invalid option -- 'q'\nTry 'df --help' for more information.\n",
    code: 1,
  });
});

it("counts what is written to the root filesystem", async () => {
  const before = await used();
  // 528,894 bytes in 130 pages (520K), plus the new /var/tmp directory's block (4K).
  await run(node, "seq 1 90000 > /var/tmp/numbers");
  expect((await used()) - before).toBe(524);
  await run(node, "rm /var/tmp/numbers");
  expect((await used()) - before).toBe(4);
});
