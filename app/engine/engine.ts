/**
 * The engine chunk's entry: everything the page needs from the emulated node, loaded with a
 * dynamic import() once the terminal shows its prompt (lesson-runtime.tsx). Only this module
 * and what it imports end up in that chunk.
 */
import "./zod-jitless";

export { createSandbox, createTerminalSession } from "@/sandbox";
