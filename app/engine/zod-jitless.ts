/**
 * zod compiles object parsers with `new Function` unless told not to, and probes whether it may
 * when a schema is built; the page's CSP (no 'unsafe-eval', docs/security.md) reports that
 * probe even though its throw is caught. This module must be evaluated before any schema is
 * built, so engine.ts imports it first (imports are evaluated in order).
 */
import { config } from "zod";

config({ jitless: true });
