"use client";
/**
 * The header's theme switch: System, Light or Dark. The static HTML renders "System"; after
 * hydration it shows the stored choice (the page's colours were already right: the inline
 * script in <head> applied it before the first paint).
 */
import { useEffect, useState } from "react";
import { chooseTheme, isThemeChoice, readThemeChoice, THEME_CHOICES, type ThemeChoice } from "./theme";

const LABEL: Record<ThemeChoice, string> = { system: "System", light: "Light", dark: "Dark" };

export function ThemeSwitch() {
  const [choice, setChoice] = useState<ThemeChoice>("system");
  useEffect(() => setChoice(readThemeChoice()), []);
  return (
    <label className="theme-switch">
      <span className="visually-hidden">Colour theme</span>
      <span className="theme-switch-icon" aria-hidden="true">
        ◐
      </span>
      <select
        value={choice}
        onChange={(event) => {
          const next = event.target.value;
          if (!isThemeChoice(next)) return;
          chooseTheme(next);
          setChoice(next);
        }}
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {LABEL[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
