/**
 * The public API of the emulated node: the page, the CLI, the tests and outside checks use
 * only what this file exports. Keep it stable.
 */
export type { Check, CheckContext, CheckResult } from "./grading/schema";
export { checkSchema } from "./grading/schema";
export type { PacketTrace } from "./packet-path";
export type {
  Completions,
  EditorRequest,
  ExecOptions,
  ExecResult,
  FileChange,
  HistoryEntry,
  Sandbox,
  SandboxClock,
  SandboxHistory,
  SandboxOptions,
  SandboxSnapshot,
} from "./sandbox";
export { createSandbox, scenarioCatalogue, scenarioNames } from "./sandbox";
export type { TerminalSession, TerminalSessionOptions } from "./shell/terminal-session";
export { createTerminalSession } from "./shell/terminal-session";
export type { ContainerPart, Health, NodeView, PartComponent, PodPart, UnitPart } from "./view/types";
