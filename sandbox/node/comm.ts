/** A process's command name, as the kernel derives it (fs/exec.c __set_task_comm). */
/** Interpreters whose script names the process (the kernel's #! handling passes its path). */
const INTERPRETERS = ["/bin/bash", "/bin/sh", "/usr/bin/python3"];

/**
 * /proc/PID/comm: the executed file's base name, cut to 15 characters; for an interpreter
 * run on a script path, the script's; /sbin/init is a link to systemd, which names itself.
 */
export function comm(argv: string[], exe?: string): string {
  if (exe) return (exe.split("/").pop() ?? "").slice(0, 15);
  const [bin = "", script] = argv;
  if (bin === "/sbin/init") return "systemd";
  const path = INTERPRETERS.includes(bin) && script?.startsWith("/") ? script : bin;
  return (path.split("/").pop() ?? "").replace(/^-/, "").slice(0, 15);
}
