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
    exclude: ["**/node_modules/**", ".next/**", "out/**", "tests/e2e/**"],
  },
});
