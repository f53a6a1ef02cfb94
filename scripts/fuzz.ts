/**
 * `npm run fuzz [-- --seed N] [--lines N] [--trace]`: the whole hostile-input fuzz run (10,000 lines by
 * default; the unit suite runs 1,000 of them). Prints the seed first, progress as it goes, the
 * slowest lines, and on a failure the line, what broke and how to reproduce it; exits 1 then.
 */
import { describeFailure, fuzz } from "../sandbox/fuzz/harness";

const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const seed = Number(arg("seed") ?? process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const lines = Number(arg("lines") ?? 10_000);

console.log(`fuzz: seed ${seed}, ${lines} lines`);
process.on("unhandledRejection", (e) => {
  console.error(`fuzz: unhandled rejection (seed ${seed}):`, e);
  process.exitCode = 1;
});
const started = performance.now();
const trace = process.argv.includes("--trace");
const report = await fuzz({
  seed,
  lines,
  beforeLine: trace ? (index, line) => console.error(`#${index} ${JSON.stringify(line.slice(0, 300))}`) : undefined,
  onLine(index) {
    if ((index + 1) % 1000 === 0)
      console.log(`  ${index + 1} lines, ${Math.round((performance.now() - started) / 1000)} s`);
  },
});
console.log(`fuzz: ${report.lines} lines in ${Math.round((performance.now() - started) / 1000)} s; slowest:`);
for (const s of report.slowest) console.log(`  ${String(s.ms).padStart(6)} ms  ${JSON.stringify(s.line)}`);
if (report.failure) {
  console.error(describeFailure(report.failure));
  process.exit(1);
}
console.log(`fuzz: no failures (seed ${seed})`);
