import { expect, type Page, test } from "@playwright/test";
import { runInTerminal, waitForNode } from "./helpers";

/** The diagram's panel: its region, its toggle and its summary line. */
const panel = (page: Page) => page.getByRole("region", { name: "Node diagram" });
/** A part of the drawing, by the id the layout gives it (`core:kubelet`, `ready`). */
const part = (page: Page, id: string) => panel(page).locator(`[data-part="${id}"]`);

test.beforeEach(async ({ page }) => {
  // Each test starts with the diagram shown, whatever an earlier test chose.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("diagram-test")) {
      localStorage.removeItem("inside-the-node:diagram-shown");
      sessionStorage.setItem("diagram-test", "1");
    }
  });
});

test("the diagram shows the kubelet stopped as it happens, then the node NotReady as the clock moves", async ({
  page,
}) => {
  await page.goto("/lessons/operating-system");
  await waitForNode(page);
  const kubelet = part(page, "core:kubelet");
  await expect(kubelet).toHaveAttribute("data-health", "ok");
  await expect(kubelet.getByRole("link")).toHaveAccessibleName(
    "kubelet active (running) kubelet.service. Open the lesson: kubelet — the node agent",
  );
  await expect(part(page, "ready")).toHaveAttribute("data-health", "ok");
  await expect(panel(page).getByRole("status")).toHaveText("Every part is running.");

  await runInTerminal(page, "systemctl stop kubelet");
  await expect(kubelet).toHaveAttribute("data-health", "stopped");
  await expect(kubelet).toContainText("inactive (dead)");
  await expect(kubelet.locator("title")).toHaveText("kubelet inactive (dead) kubelet.service");
  await expect(part(page, "ready")).toHaveAttribute("data-health", "ok");

  // 60 simulated seconds, past the 50 s node-monitor grace period: the node goes NotReady.
  await runInTerminal(page, "sleep 60");
  await expect(part(page, "ready")).toHaveAttribute("data-health", "failed");
  await expect(part(page, "ready")).toContainText("Node NotReady");
  await expect(part(page, "ready")).toContainText("NodeStatusUnknown");
  await expect(panel(page).getByRole("status")).toHaveText(
    /^Node NotReady \(NodeStatusUnknown\); kubelet\.service inactive \(dead\); pod kube-system\//,
  );
});

test("a click on a part opens its lesson", async ({ page }) => {
  await page.goto("/lessons/operating-system");
  await waitForNode(page);
  await panel(page)
    .getByRole("link", { name: /^kubelet active \(running\) kubelet\.service\./ })
    .click();
  await expect(page).toHaveURL(/\/lessons\/kubelet$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("kubelet — the node agent");
});

test("the parts are links in the tab order, and Enter opens one", async ({ page }) => {
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  await part(page, "core:kubelet").waitFor();
  await panel(page).getByRole("button", { name: "Hide diagram" }).focus();
  await page.keyboard.press("Tab");
  const os = panel(page).getByRole("link", { name: /^VM aks-nodepool1-12345678-vmss000000 Ubuntu 22\.04\.5 LTS/ });
  await expect(os).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/lessons\/operating-system$/);
});

test("the toggle hides the diagram and the choice is remembered", async ({ page }) => {
  await page.goto("/lessons/operating-system");
  await waitForNode(page);
  await expect(part(page, "core:containerd")).toBeVisible();
  const toggle = panel(page).getByRole("button", { name: "Hide diagram" });
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await toggle.click();
  await expect(part(page, "core:containerd")).toHaveCount(0);
  await expect(panel(page).getByRole("button", { name: "Show diagram" })).toHaveAttribute("aria-expanded", "false");

  await page.reload();
  await waitForNode(page);
  await expect(panel(page).getByRole("button", { name: "Show diagram" })).toBeVisible();
  await expect(part(page, "core:containerd")).toHaveCount(0);
  await panel(page).getByRole("button", { name: "Show diagram" }).click();
  await expect(part(page, "core:containerd")).toHaveAttribute("data-health", "ok");
});

test("a crash-looping pod shows CrashLoopBackOff, in its card and its container", async ({ page }) => {
  await page.goto("/lessons/operating-system");
  await waitForNode(page);
  // orders-api 1.4.2 exits 1 three seconds after each start (it lacks its environment).
  await runInTerminal(page, "kubectl run orders --image=aksdemo.azurecr.io/orders-api:1.4.2; sleep 60");
  const pod = part(page, "pod:default/orders");
  await expect(pod).toHaveAttribute("data-health", "failed");
  await expect(pod).toContainText("CrashLoopBackOff 0/1");
  await expect(part(page, "pod:default/orders/orders").locator("title")).toHaveText(
    "container orders: CrashLoopBackOff",
  );
  await expect(part(page, "pod:default/orders/pause").locator("title")).toHaveText("pause container: Ready");
});

test("a missing CNI config shows as such, and the pod that waits for it", async ({ page }) => {
  await page.goto("/lessons/networking-cni");
  await waitForNode(page);
  await expect(part(page, "core:cni")).toHaveAttribute("data-health", "failed");
  await expect(part(page, "core:cni")).toContainText("config missing");
  await expect(part(page, "pod:default/web")).toContainText("ContainerCreating");
  await expect(part(page, "ready")).toContainText("Node NotReady");
});
