/**
 * How this project launches Chromium (Debian's, not a downloaded one): the one place for the
 * path and the flags, used by the Playwright config and scripts/screenshot.mjs. As root on a
 * machine without internet, Chromium needs these flags or it floods refused connections.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export const chromiumLaunchOptions = () => ({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: CHROMIUM_ARGS,
});
