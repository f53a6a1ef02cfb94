import { expect, it } from "vitest";
import { SimClock } from "./clock";

it("runs timers in time order while advancing, including ones scheduled on the way", () => {
  const clock = new SimClock(1000);
  const seen: string[] = [];
  clock.setTimeout(() => seen.push(`b@${clock.now()}`), 20);
  clock.setTimeout(() => {
    seen.push(`a@${clock.now()}`);
    clock.setTimeout(() => seen.push(`c@${clock.now()}`), 5);
  }, 10);
  const tick = clock.setInterval(() => seen.push(`i@${clock.now()}`), 12);
  clock.advance(30);
  expect(seen).toEqual(["a@1010", "i@1012", "c@1015", "b@1020", "i@1024"]);
  expect(clock.now()).toBe(1030);
  clock.clearTimer(tick);
  clock.advance(100);
  expect(seen).toHaveLength(5);
});

it("refuses to go backwards or by a non-number", () => {
  const clock = new SimClock(0);
  expect(() => clock.advance(-1)).toThrow(RangeError);
  expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
});
