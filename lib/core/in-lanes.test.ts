import { describe, expect, it } from "vitest";
import { inLanes } from "./in-lanes";

/** A task that finishes when told to, recording when it started. */
function controlled() {
  const started: number[] = [];
  const finish = new Map<number, () => void>();
  const work = (item: number) =>
    new Promise<number>((resolve) => {
      started.push(item);
      finish.set(item, () => resolve(item * 10));
    });
  return { started, finish: (item: number) => finish.get(item)!(), work };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("inLanes", () => {
  it("runs at most `width` at once and starts the next item as soon as any lane is free", async () => {
    const { started, finish, work } = controlled();
    const all = inLanes([1, 2, 3, 4, 5], 2, work);
    await tick();
    expect(started).toEqual([1, 2]);
    // The second finishes first: its lane takes item 3 while item 1 is still running.
    finish(2);
    await tick();
    expect(started).toEqual([1, 2, 3]);
    finish(3);
    await tick();
    expect(started).toEqual([1, 2, 3, 4]);
    finish(1);
    await tick();
    expect(started).toEqual([1, 2, 3, 4, 5]);
    finish(4);
    finish(5);
    // In the items' order, not the order they finished in.
    await expect(all).resolves.toEqual([10, 20, 30, 40, 50]);
  });

  it("runs one at a time with a width of 1, and gives an empty list for no items", async () => {
    const { started, finish, work } = controlled();
    const all = inLanes([1, 2], 1, work);
    await tick();
    expect(started).toEqual([1]);
    finish(1);
    await tick();
    expect(started).toEqual([1, 2]);
    finish(2);
    await expect(all).resolves.toEqual([10, 20]);
    await expect(inLanes([], 4, work)).resolves.toEqual([]);
  });

  it("starts nothing new after a failure and throws the first error once the running items settle", async () => {
    const started: number[] = [];
    let settled = 0;
    const work = async (item: number) => {
      started.push(item);
      await tick();
      if (item === 1) throw new Error("first failed");
      if (item === 2) throw new Error("second failed");
      settled++;
      return item;
    };
    await expect(inLanes([1, 2, 3, 4, 5], 2, work)).rejects.toThrow("first failed");
    expect(started).toEqual([1, 2]);
    expect(settled).toBe(0);
  });
});
