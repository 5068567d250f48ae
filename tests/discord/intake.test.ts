import { describe, expect, it } from "vitest";
import { createIntake } from "../../src/discord/intake.ts";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("the intake: one interaction per event-loop turn", () => {
  it.each([1, 3, 50])("%i queued at once start one per turn, in order, and all finish", async (count) => {
    const started: number[] = [];
    const intake = createIntake<number>(async (n) => {
      started.push(n);
    });
    for (let i = 0; i < count; i++) intake.push(i);
    expect(started).toEqual([]);
    await tick();
    expect(started).toEqual([0]);
    await intake.drain(1000);
    expect(started).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(intake.inFlight()).toBe(0);
  });

  it("lets other work run between two interactions (a reply already built goes out)", async () => {
    const order: string[] = [];
    const intake = createIntake<string>(async (name) => {
      order.push(name);
      if (name === "first") setImmediate(() => order.push("reply of first"));
    });
    intake.push("first");
    intake.push("second");
    await intake.drain(1000);
    expect(order).toEqual(["first", "reply of first", "second"]);
  });

  it.each([
    [10, 1000, 0],
    [200, 20, 1],
  ])("drain waits for work of %i ms up to %i ms; unfinished: %i", async (work, limit, unfinished) => {
    const intake = createIntake<number>(() => new Promise((resolve) => setTimeout(resolve, work)));
    intake.push(1);
    expect(intake.inFlight()).toBe(1);
    expect(await intake.drain(limit)).toEqual({ unfinished });
  });

  it("a rejected handler is reported, and the next one still runs", async () => {
    const errors: unknown[] = [];
    const done: number[] = [];
    const intake = createIntake<number>(
      async (n) => {
        if (n === 1) throw new Error("bug");
        done.push(n);
      },
      (e) => errors.push(e),
    );
    intake.push(1);
    intake.push(2);
    await intake.drain(1000);
    expect(done).toEqual([2]);
    expect(errors).toHaveLength(1);
  });
});
