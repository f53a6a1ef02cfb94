/**
 * Signals reach a process's owner: systemd restarts a killed service per Restart=, and
 * containerd records a killed container's exit status, 128 + the signal's number.
 */
import { expect, it } from "vitest";
import { bootHealthyNode } from "./scenarios/healthy";
import { World } from "./world";

function bootedWorld(): World {
  const world = new World({ start: Date.UTC(2025, 9, 30, 14, 2, 11, 417), seed: 1 });
  bootHealthyNode(world);
  return world;
}

it("a SIGTERM to the kubelet's main PID ends it; systemd restarts it 2 s later", () => {
  const world = bootedWorld();
  const kubelet = world.systemd.unit("kubelet.service");
  const pid = kubelet?.mainPid as number;
  expect(world.procs.signal(pid, "TERM")).toBe(true);
  expect([kubelet?.activeState, kubelet?.subState, kubelet?.execMain?.code, kubelet?.execMain?.signal]).toEqual([
    "activating",
    "auto-restart",
    "killed",
    "TERM",
  ]);
  expect(world.procs.get(pid)).toBeUndefined();
  world.clock.advance(2_000);
  expect([kubelet?.activeState, kubelet?.nRestarts]).toEqual(["active", 1]);
  expect(kubelet?.mainPid).not.toBe(pid);
  expect(world.procs.signal(pid, "TERM")).toBe(false);
});

it("a SIGKILL to a container's process leaves the container exited with 137", () => {
  const world = bootedWorld();
  const proxy = world.containerd.listContainers().find((c) => c.name === "kube-proxy");
  expect(world.procs.signal(proxy?.pid as number, "KILL")).toBe(true);
  expect([proxy?.state, proxy?.exitCode, proxy?.pid]).toEqual(["CONTAINER_EXITED", 137, undefined]);
});
