/**
 * `systemctl` completion, after systemd 249's shell-completion/bash/systemctl: options, the
 * verbs, and for a verb the units it can act on, read from the manager's state (what
 * `systemctl list-units --all` and `list-unit-files` would print): `start` offers units
 * that are not running, `stop` running ones, `enable` disabled ones, and so on.
 */
import type { Systemd, UnitRuntime } from "../../node/systemd/manager";
import { type CommandCompletion, wordsReply } from "./types";

const OPTIONS_STANDALONE = `--all -a --reverse --after --before --defaults --force -f --full -l --global --help -h
  --no-ask-password --no-block --no-legend --no-pager --no-reload --no-wall --now --quiet -q --system --user
  --version --runtime --recursive -r --firmware-setup --show-types -i --ignore-inhibitors --plain --failed`;
const OPTIONS_ARG = `--host -H --kill-who --property -p --signal -s --type -t --state --job-mode --root
  --preset-mode -n --lines -o --output -M --machine`;

const VERBS = {
  ALL_UNITS: "cat mask",
  NONTEMPLATE_UNITS:
    "is-active is-failed is-enabled status show preset help list-dependencies edit set-property revert",
  ENABLED_UNITS: "disable",
  DISABLED_UNITS: "enable",
  REENABLABLE_UNITS: "reenable",
  FAILED_UNITS: "reset-failed",
  STARTABLE_UNITS: "start",
  STOPPABLE_UNITS: "stop condstop kill try-restart condrestart",
  ISOLATABLE_UNITS: "isolate",
  RELOADABLE_UNITS: "reload condreload try-reload-or-restart force-reload",
  RESTARTABLE_UNITS: "restart reload-or-restart",
  MASKED_UNITS: "unmask",
  STANDALONE: `daemon-reexec daemon-reload default emergency exit halt hibernate hybrid-sleep suspend-then-hibernate
    kexec list-jobs list-sockets list-timers list-units list-unit-files poweroff reboot rescue show-environment
    suspend get-default is-system-running preset-all`,
} as const;

const split = (s: string) => s.split(/\s+/).filter(Boolean);
const ALL_VERBS = Object.values(VERBS).flatMap(split);
const verbIn = (group: keyof typeof VERBS, verb: string) => split(VERBS[group]).includes(verb);

const OUTPUTS =
  "short short-full short-iso short-iso-precise short-precise short-monotonic short-unix verbose export json json-pretty json-sse json-seq cat with-unit";
const TYPES = "service mount swap socket target device automount timer path slice scope";

/** Units as both lists name them, template files (`foo@.service`) left out as upstream does. */
function allUnits(systemd: Systemd): string[] {
  const names = new Set([...systemd.unitFileNames(), ...systemd.loadedUnits().map((u) => u.name)]);
  return [...names].filter((n) => !n.includes("@."));
}

const running = (u: UnitRuntime) => u.activeState !== "inactive" && u.activeState !== "failed";

function unitsFor(systemd: Systemd, verb: string): string[] {
  const loaded = systemd.loadedUnits();
  const files = systemd.unitFileNames().filter((n) => !n.includes("@."));
  const byState = (state: string) => files.filter((n) => systemd.enablement(n) === state);
  if (verbIn("ALL_UNITS", verb) || verbIn("NONTEMPLATE_UNITS", verb) || verbIn("ISOLATABLE_UNITS", verb))
    return allUnits(systemd);
  if (verbIn("ENABLED_UNITS", verb)) return byState("enabled");
  if (verbIn("DISABLED_UNITS", verb)) return byState("disabled");
  if (verbIn("REENABLABLE_UNITS", verb)) return [...byState("disabled"), ...byState("enabled")];
  if (verbIn("FAILED_UNITS", verb)) return loaded.filter((u) => u.activeState === "failed").map((u) => u.name);
  if (verbIn("MASKED_UNITS", verb)) return byState("masked");
  if (verbIn("STARTABLE_UNITS", verb))
    return loaded.filter((u) => u.def && !running(u) && !systemd.masked(u.name)).map((u) => u.name);
  if (verbIn("STOPPABLE_UNITS", verb) || verbIn("RELOADABLE_UNITS", verb))
    return loaded.filter(running).map((u) => u.name);
  if (verbIn("RESTARTABLE_UNITS", verb))
    return loaded.filter((u) => u.def && !systemd.masked(u.name)).map((u) => u.name);
  return [];
}

export const completeSystemctl: CommandCompletion = ({ world, words, cur, prev }) => {
  if (split(OPTIONS_ARG).includes(prev)) {
    if (prev === "--type" || prev === "-t") return wordsReply(split(TYPES));
    if (prev === "--output" || prev === "-o") return wordsReply(split(OUTPUTS));
    if (prev === "--kill-who") return wordsReply(["all", "control", "main"]);
    if (prev === "--job-mode")
      return wordsReply(
        split("fail replace replace-irreversibly isolate ignore-dependencies ignore-requirements flush"),
      );
    return wordsReply([]);
  }
  if (cur.startsWith("-")) return wordsReply([...split(OPTIONS_STANDALONE), ...split(OPTIONS_ARG)]);
  const verb = words.slice(1, -1).find((w, i) => ALL_VERBS.includes(w) && !split(OPTIONS_ARG).includes(words[i] ?? ""));
  if (!verb) return wordsReply(ALL_VERBS);
  return wordsReply(unitsFor(world.systemd, verb));
};
