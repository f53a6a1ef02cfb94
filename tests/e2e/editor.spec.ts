import { expect, type Page, test } from "@playwright/test";
import { runInTerminal, terminalRows, waitForNode } from "./helpers";

/** Monaco's text, as it renders it (non-breaking spaces for spaces). */
const editorText = (page: Page) =>
  page
    .getByTestId("monaco-host")
    .locator(".view-lines")
    .textContent()
    .then((t) => (t ?? "").replace(/\u00a0/g, " "));

test("vi opens a config file in Monaco; a save and a restart change the node; undo puts it back", async ({ page }) => {
  // Every script the page fetches, with whether it is Monaco's (its editor DOM class is in its code).
  const scripts: { url: string; monaco: Promise<boolean>; afterVi: boolean }[] = [];
  let viTyped = false;
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    const monaco = response.text().then(
      (body) => body.includes("monaco-editor"),
      () => false,
    );
    scripts.push({ url: response.url(), monaco, afterVi: viTyped });
  });
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  await expect(page.getByRole("button", { name: "Undo last change" })).toBeEnabled({ timeout: 20_000 });

  viTyped = true;
  await runInTerminal(page, "vi /etc/default/kubelet");
  const editor = page.getByRole("region", { name: "Editor: /etc/default/kubelet" });
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => editorText(page), { timeout: 20_000 }).toContain("--max-pods=30");
  // Monaco's bytes arrive only once the editor opens.
  const loaded = await Promise.all(scripts.map(async (s) => ({ ...s, monaco: await s.monaco })));
  expect(loaded.filter((s) => s.monaco && !s.afterVi).map((s) => s.url)).toEqual([]);
  expect(loaded.filter((s) => s.monaco && s.afterVi).length).toBeGreaterThan(0);

  // Replace the flag as a learner would: find it, select it, type over it.
  await page.getByTestId("monaco-host").locator(".view-lines").click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Control+f");
  await page.keyboard.type("--max-pods=30");
  await page.keyboard.press("Escape");
  await page.keyboard.type("--max-pods=50");
  await page.keyboard.press("Control+s");
  await expect(editor.getByRole("status")).toHaveText('"/etc/default/kubelet" written');
  await editor.getByRole("button", { name: "Close" }).click();
  await expect(editor).toBeHidden();

  await runInTerminal(page, "systemctl restart kubelet");
  await runInTerminal(page, "kubectl get node -o json | jq -r '.items[0].status.capacity.pods'");
  await expect(terminalRows(page)).toContainText(/capacity\.pods'\s*50/);

  // What changed since the exercise started: the flags file.
  await page.getByRole("button", { name: "What did I change?" }).click();
  const changes = page.getByRole("region", { name: "What did I change?" });
  await expect(changes.getByRole("combobox", { name: "Changed file" })).toHaveValue("0");
  await expect(changes.getByRole("option", { name: "M /etc/default/kubelet" })).toBeAttached();
  await expect(page.getByTestId("diff-host").locator(".line-insert").first()).toBeAttached({ timeout: 20_000 });
  await changes.getByRole("button", { name: "Close" }).click();

  // Undo twice: the restart, then the edit. The node's file and its running kubelet go back.
  await page.getByRole("button", { name: "Undo last change" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Undone" })).toContainText("edit /etc/default/kubelet");
  await page.getByRole("button", { name: "Undo last change" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Undone" })).toBeVisible();
  await runInTerminal(
    page,
    "clear; grep -o 'max-pods=[0-9]*' /etc/default/kubelet; kubectl get node -o json | jq -r '.items[0].status.capacity.pods'",
  );
  await expect(terminalRows(page)).toContainText(/max-pods=30\s*30/);
});

test("reset exercise brings the node back to where the exercise started", async ({ page }) => {
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  await expect(page.getByRole("button", { name: "Reset exercise" })).toBeEnabled({ timeout: 20_000 });
  await runInTerminal(page, "echo '# scratch' >> /etc/hosts");
  await runInTerminal(page, "touch /root/left-behind");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Reset exercise" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Exercise reset" })).toBeVisible();
  await runInTerminal(
    page,
    'clear; echo "left-behind: $(ls /root/left-behind 2>/dev/null | wc -l), scratch: $(grep -c scratch /etc/hosts)"',
  );
  await expect(terminalRows(page)).toContainText("left-behind: 0, scratch: 0");
});

test("the file tree opens a node file in the editor", async ({ page }) => {
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  await page.getByRole("button", { name: "Files" }).click();
  const tree = page.getByRole("navigation", { name: "Node files" });
  await tree.getByRole("button", { name: "/etc/containerd/" }).click();
  await tree.getByRole("button", { name: "config.toml" }).click();
  await expect(page.getByRole("region", { name: "Editor: /etc/containerd/config.toml" })).toBeVisible({
    timeout: 20_000,
  });
  await expect
    .poll(() => editorText(page), { timeout: 20_000 })
    .toContain('sandbox_image = "mcr.microsoft.com/oss/kubernetes/pause:3.6"');
  await expect(terminalRows(page)).toContainText("vi /etc/containerd/config.toml");
});
