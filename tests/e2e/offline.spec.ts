import { expect, test } from "@playwright/test";
import { NODE_NAME, runInTerminal, terminalRows, waitForNode } from "./helpers";

test("the course asks nothing of any host but localhost", async ({ page }) => {
  const requests: string[] = [];
  const failures: string[] = [];
  page.on("request", (request) => {
    requests.push(request.url());
  });
  page.on("requestfailed", (request) => {
    // a navigation cancels what the page had in flight (prefetches); that is not a failure
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    failures.push(`${request.url()} (${request.failure()?.errorText})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.url()} (${response.status()})`);
  });

  await page.goto("/");
  await page
    .getByRole("link", { name: /kubelet/i })
    .first()
    .click();
  await waitForNode(page);
  await runInTerminal(page, "hostname");
  await expect(terminalRows(page)).toContainText(NODE_NAME);
  await page.reload();
  await waitForNode(page);

  expect(requests.length).toBeGreaterThan(0);
  const elsewhere = requests.filter((url) => {
    const { protocol, hostname } = new URL(url);
    return !(protocol === "data:" || protocol === "blob:" || hostname === "localhost" || hostname === "127.0.0.1");
  });
  expect(elsewhere).toEqual([]);
  expect(failures).toEqual([]);
});
