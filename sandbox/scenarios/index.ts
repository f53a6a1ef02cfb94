/** Start states, by name. Each is a function that brings a fresh World to its "now". */
import type { World } from "../world";
import { BOOT_TIME, bootHealthyNode } from "./healthy";

export interface Scenario {
  description: string;
  boot: (world: World) => void;
}

export const SCENARIOS: Record<string, Scenario> = {
  healthy: { description: "A Ready AKS 1.32 node, two hours after it joined the cluster.", boot: bootHealthyNode },
};

export const SCENARIO_BOOT_TIME = BOOT_TIME;
