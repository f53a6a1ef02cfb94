/**
 * `npm install`'s postinstall: fixes a bug in just-bash 3.4.2's bundles. Running a script file
 * (`/usr/sbin/iptables`, which the node has, as the real one, ahead of /usr/bin in PATH) or
 * `source FILE ARGS` sets only the first nine positional parameters, so `"$@"` hands the command
 * "" for its tenth argument on: `iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT ...`
 * failed with "Couldn't load target `'". bash sets them all. The loops that set them stop at
 * `<9`; this removes that bound, in each bundle, exactly where it is, and fails loudly if
 * just-bash changed (then check whether the new version still needs it).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// The package's exports hide its package.json: find it from this script's place in the repo.
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "just-bash");
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const BUGGY = /(for\(let (\w+)=0;\2<\w+\.length)&&\2<9;(\2\+\+\)\w+\.state\.env\.set\(String\(\2\+1\))/g;
/** The unbounded loop just-bash already uses for functions and `set --`. */
const UNBOUNDED = /for\(let (\w+)=0;\1<\w+\.length;\1\+\+\)\w+\.state\.env\.set\(String\(\1\+1\)/g;

let failed = false;
for (const file of ["dist/bundle/index.js", "dist/bundle/index.cjs", "dist/bundle/browser.js"]) {
  const path = join(root, file);
  const text = readFileSync(path, "utf8");
  const capped = text.match(BUGGY)?.length ?? 0;
  const unbounded = text.match(UNBOUNDED)?.length ?? 0;
  if (capped === 2) {
    writeFileSync(path, text.replace(BUGGY, "$1;$3"));
    console.log(`patch-just-bash: ${file}: positional parameters past $9 set (just-bash ${version})`);
  } else if (capped === 0 && unbounded >= 4) {
    // Already patched (a second install over the same node_modules).
  } else {
    console.error(
      `patch-just-bash: ${file} (just-bash ${version}) has ${capped} capped positional-parameter loops (expected 2) ` +
        `and ${unbounded} unbounded ones; see whether this version still drops a script's arguments past $9, ` +
        "and update or remove scripts/patch-just-bash.mjs",
    );
    failed = true;
  }
}
if (failed) process.exit(1);
