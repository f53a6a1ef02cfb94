/**
 * The question an exercise's check asks (an `answer` check, alone or inside `all`), for the
 * page's exercise card. Its own module so the page does not pull the sandbox (the engine,
 * which runs in the worker) into its bundle just to read a check's fields.
 */
import type { Check } from "@/sandbox";

export function questionOf(check: Check): string | undefined {
  if (check.kind === "answer") return check.question;
  if (check.kind === "all") return check.checks.map(questionOf).find((q) => q !== undefined);
  return undefined;
}
