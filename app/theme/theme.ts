/**
 * The colour theme: the system's (prefers-color-scheme) unless the learner picked light or dark,
 * which is remembered in localStorage and set as <html data-theme="..."> (globals.css reads it).
 */
export const THEME_STORAGE_KEY = "inside-the-node:theme";

export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const isThemeChoice = (value: unknown): value is ThemeChoice =>
  typeof value === "string" && (THEME_CHOICES as readonly string[]).includes(value);

/**
 * Run inline in <head>, before the body paints, so a chosen theme shows without a flash of the
 * other one. It must stay inline (an external script would not block the first paint): scripts/csp.ts
 * hashes it into each page's Content-Security-Policy like Next's own inline scripts. Storage can
 * be blocked (private modes, sandboxed frames): then the system's theme stays.
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;

/** The stored choice ("system" when none, or storage is blocked). */
export function readThemeChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

/** Apply a choice to the page now and remember it for the next page load. */
export function chooseTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === "system") delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    if (choice === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage blocked: the choice holds for this page only.
  }
}
