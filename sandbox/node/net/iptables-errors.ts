/**
 * How iptables 1.8.7 (nf_tables) fails, by kind (iptables/xshared.c xtables_exit_error,
 * iptables/nft.c nft_strerror):
 * - a parameter problem prints `iptables v1.8.7 (nf_tables): <msg>` and the `Try ...` line, exit 2;
 * - an operation the kernel refuses prints `iptables: <msg>.`, exit 1;
 * - an unknown table is a version problem, exit 3.
 */
export type IptablesFailure = "parameter" | "operation" | "version";

export class IptablesError extends Error {
  constructor(
    message: string,
    readonly kind: IptablesFailure,
  ) {
    super(message);
  }

  get exitCode(): number {
    return this.kind === "parameter" ? 2 : this.kind === "version" ? 3 : 1;
  }
}

/** A bad command line: `iptables v1.8.7 (nf_tables): <msg>` + `Try ...`, exit 2. */
export const paramError = (message: string) => new IptablesError(message, "parameter");
/** The kernel refused: `iptables: <msg>.`, exit 1. The texts are nft_strerror's table. */
export const opError = (message: string) => new IptablesError(message, "operation");

export const NO_CHAIN = "No chain/target/match by that name";
export const BAD_RULE = "Bad rule (does a matching rule exist in that chain?)";

export const IPTABLES_VERSION = "v1.8.7 (nf_tables)";

/** What the program prints on stderr for an error, as `prog` (iptables, iptables-restore). */
export function renderError(prog: string, e: IptablesError, line?: number): string {
  if (e.kind === "operation") return `${prog}: ${e.message}.\n`;
  // Some callers pass messages that end in "\n" themselves (xtables_find_target's
  // "Couldn't load target `%s':%s\n"), which leaves a blank line before `Try`.
  let out = `${prog} ${IPTABLES_VERSION}: ${e.message}\n`;
  if (e.kind === "version") return `${out}Perhaps iptables or your kernel needs to be upgraded.\n`;
  if (line !== undefined) out += `Error occurred at line: ${line}\n`;
  return `${out}Try \`${prog} -h' or '${prog} --help' for more information.\n`;
}
