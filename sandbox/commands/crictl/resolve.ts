/**
 * IDs as containerd's CRI stores resolve them (pkg/truncindex): a unique prefix names one
 * object; several matches are ambiguous; none is `not found`. The error texts are
 * containerd 1.7's (pkg/cri/store, "an error occurred when try to find ...").
 */
import { CriCallError } from "../../runtime/cri";

export function resolveId(ids: Iterable<string>, prefix: string, what: "container" | "sandbox"): string {
  const matches = prefix ? [...ids].filter((id) => id.startsWith(prefix)) : [];
  if (matches.length === 1) return matches[0] as string;
  if (matches.length > 1) {
    throw new CriCallError(
      "Unknown",
      `an error occurred when try to find ${what} "${prefix}": multiple IDs found with provided prefix: ${prefix}`,
    );
  }
  throw new CriCallError("NotFound", `an error occurred when try to find ${what} "${prefix}": not found`);
}
