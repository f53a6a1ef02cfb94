import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  // `@/x` -> repo root, as in tsconfig.json. A regex, so `@xterm/xterm` is left alone.
  resolve: { alias: [{ find: /^@\//, replacement: root }] },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    // Playwright owns tests/e2e; build output and packages hold no tests of ours.
    exclude: ["**/node_modules/**", ".next/**", "out/**", "tests/e2e/**", ".scratch/**"],
    // Each test boots a node (~0.1-0.5 s) and some simulate a day; 5 s is too tight on a busy 2-core box.
    testTimeout: 20_000,
  },
});
