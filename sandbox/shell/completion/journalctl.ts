/**
 * `journalctl` completion, after systemd 249's shell-completion/bash/journalctl: options;
 * `-u UNIT` offers the units that have entries in the journal (upstream asks
 * `journalctl -F _SYSTEMD_UNIT`), `-o` the output modes, `-p` the priorities; a word starting
 * with `/` is a path; any other word a journal field to match on (`_SYSTEMD_UNIT=`).
 */
import { pathMatches } from "./paths";
import { type CommandCompletion, wordsReply } from "./types";

const split = (s: string) => s.split(/\s+/).filter(Boolean);

const STANDALONE = `-a --all --full --system --user --disk-usage -f --follow --header -h --help -l --local
  --new-id128 -m --merge --no-pager --no-tail -q --quiet --setup-keys --verify --version --list-catalog
  --dump-catalog --utc -x --catalog --force --dmesg -k -r --reverse --no-hostname --list-boots`;
const ARG = `-b --boot -D --directory --file -F --field -t --identifier -T --machine -M --priority -p --root
  --since -S --until -U --unit -u --user-unit -o --output --lines -n --cursor --after-cursor --output-fields`;
const OUTPUTS =
  "short short-full short-iso short-iso-precise short-precise short-monotonic short-unix verbose export json json-pretty json-sse json-seq cat with-unit";
const PRIORITIES = "emerg alert crit err warning notice info debug";
const FIELDS = `MESSAGE MESSAGE_ID PRIORITY CODE_FILE CODE_LINE CODE_FUNC ERRNO SYSLOG_FACILITY SYSLOG_IDENTIFIER
  SYSLOG_PID COREDUMP_EXE _PID _UID _GID _COMM _EXE _CMDLINE _AUDIT_SESSION _AUDIT_LOGINUID _SYSTEMD_CGROUP
  _SYSTEMD_SESSION _SYSTEMD_UNIT _SYSTEMD_OWNER_UID _SELINUX_CONTEXT _SOURCE_REALTIME_TIMESTAMP _BOOT_ID
  _MACHINE_ID _HOSTNAME _TRANSPORT _KERNEL_DEVICE _KERNEL_SUBSYSTEM _UDEV_SYSNAME _UDEV_DEVNODE _UDEV_DEVLINK
  __CURSOR __REALTIME_TIMESTAMP __MONOTONIC_TIMESTAMP`;

export const completeJournalctl: CommandCompletion = ({ world, cur, prev, paths }) => {
  if (split(ARG).includes(prev)) {
    if (prev === "-u" || prev === "--unit") {
      const units = new Set<string>();
      for (const e of world.journal.query()) if (e.unit) units.add(e.unit);
      return wordsReply(units);
    }
    if (prev === "-o" || prev === "--output") return wordsReply(split(OUTPUTS));
    if (prev === "-p" || prev === "--priority") return wordsReply(split(PRIORITIES));
    if (prev === "-D" || prev === "--directory" || prev === "--file" || prev === "--root")
      return { words: pathMatches(paths, cur), filenames: true };
    return wordsReply([]);
  }
  if (cur.startsWith("-")) return wordsReply([...split(STANDALONE), ...split(ARG)]);
  if (cur.startsWith("/")) return { words: pathMatches(paths, cur), filenames: true };
  return { words: split(FIELDS).map((f) => `${f}=`), noSpace: true };
};
