/**
 * /dev/kmsg, the kernel log's device (Documentation/ABI/testing/dev-kmsg): root may write a
 * record to it; a leading `<N>` sets the level (N & 7; without one the default level 4,
 * warning). The record joins the kernel's ring buffer, which here is the journal's `kernel`
 * entries that dmesg, `journalctl -k` and node-problem-detector's kmsg watcher read.
 */
import type { CharDevice } from "./fs";
import type { Journal } from "./journal";

export function kmsgDevice(journal: Journal): CharDevice {
  return {
    write(text) {
      for (const line of text.split("\n")) {
        if (!line) continue;
        const m = /^<(\d+)>(.*)$/.exec(line);
        const priority = m ? Number(m[1]) & 7 : 4;
        journal.append({ identifier: "kernel", pid: 0, message: m ? (m[2] as string) : line, priority });
      }
    },
  };
}
