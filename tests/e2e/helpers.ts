import { expect, type Page } from "@playwright/test";

export const NODE_NAME = "aks-nodepool1-12345678-vmss000000";
export const PROMPT = `root@${NODE_NAME}:~#`;

/** The terminal region (role region, labelled "Node terminal"). */
export const terminal = (page: Page) => page.getByRole("region", { name: "Node terminal" });

/** What xterm has drawn: its rendered rows, as text. */
export const terminalRows = (page: Page) => terminal(page).locator(".xterm-rows");

/** Wait until the engine chunk has loaded and the real session owns the terminal. */
export async function waitForNode(page: Page) {
  await expect(terminal(page)).toHaveAttribute("data-engine", "ready", { timeout: 20_000 });
}

/** Type a command into the terminal as a learner would, and press Enter. */
export async function runInTerminal(page: Page, line: string) {
  await terminal(page).click();
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
}
