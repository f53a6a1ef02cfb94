/**
 * A write the kernel refuses (`echo abc > /proc/sys/net/ipv4/ip_forward`: EINVAL) surfaces from
 * just-bash as a thrown fs error, which would end the line as an internal error. bash prints
 * `bash: echo: write error: Invalid argument` and the command exits 1; here the line ends
 * there too (just-bash gives no way to go on with the rest of it), with bash's words.
 */
const STRERROR: Record<string, string> = { EINVAL: "Invalid argument", EACCES: "Permission denied" };

export interface RefusedWrite {
  code: string;
  path: string;
}

/** The refused write an error describes (NodeFs's `CODE: text, write 'PATH'`), if it is one. */
export function refusedWrite(e: unknown): RefusedWrite | undefined {
  const code = (e as { code?: string })?.code;
  const m = /, write '(.*)'$/.exec((e as Error)?.message ?? "");
  return code && STRERROR[code] && m ? { code, path: m[1] as string } : undefined;
}

/**
 * bash's message. A read-only file (mode 0444 in /proc/sys) fails at open: `bash: PATH:
 * Permission denied`. A value the kernel rejects fails at write(2): the command whose output
 * went there, then strerror.
 */
export function writeErrorMessage(line: string, w: RefusedWrite): string {
  if (w.code === "EACCES") return `bash: ${w.path}: Permission denied\n`;
  const segment = line.split(/[;&|\n]/).find((s) => s.includes(">") && s.includes(w.path.split("/").pop() as string));
  const command = (segment ?? line).trim().split(/\s+/)[0] || "echo";
  return `bash: ${command}: write error: ${STRERROR[w.code]}\n`;
}
