import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

it("--disk-usage sizes the journal, --vacuum-* report per journal directory", async () => {
  const node = freshNode();
  expect(await run(node, "journalctl --disk-usage")).toEqual({
    out: "Archived and active journals take up 16.0M in the file system.\n",
    err: "",
    code: 0,
  });
  const vacuumed = [
    "Vacuuming done, freed 0B of archived journals from /var/log/journal.",
    "Vacuuming done, freed 0B of archived journals from /run/log/journal.",
    "Vacuuming done, freed 0B of archived journals from /var/log/journal/3f5c8d2e41a94b7f9e0c6a1d2b8e4f70.",
    "",
  ].join("\n");
  expect(await run(node, "journalctl --vacuum-size=100M")).toEqual({ out: "", err: vacuumed, code: 0 });
  expect(await run(node, "journalctl --vacuum-time 2d")).toEqual({ out: "", err: vacuumed, code: 0 });
  expect(await run(node, "journalctl --vacuum-size=lots")).toEqual({
    out: "",
    err: "Failed to parse vacuum size: lots\n",
    code: 1,
  });
  expect(await run(node, "journalctl --x")).toEqual({
    out: "",
    err: "journalctl: unrecognized option '--x'\n",
    code: 1,
  });
});
