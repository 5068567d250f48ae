/*
 * Fair under bursts. discord.js hands over every interaction of a gateway burst in one synchronous run; if
 * each were answered right there, no reply would leave until the whole burst was processed. The intake
 * only queues them; a worker handles one, then yields to the event loop (setImmediate) so replies already
 * built go out, and takes the next. It also counts what is in flight, for a clean shutdown.
 */

export interface Intake<T> {
  /** Queues one item; handled in arrival order. */
  push(item: T): void;
  /** Queued plus started and not yet finished. */
  inFlight(): number;
  /** Resolves when nothing is in flight, or after `ms`; says how many were still unfinished. */
  drain(ms: number): Promise<{ unfinished: number }>;
}

/** `handle` must not reject (the dispatcher catches its own errors); a rejection is passed to `onError`. */
export function createIntake<T>(
  handle: (item: T) => Promise<void>,
  onError: (error: unknown) => void = () => {},
): Intake<T> {
  const queue: T[] = [];
  let head = 0;
  let running = 0;
  let scheduled = false;
  let idle: (() => void)[] = [];

  const settle = () => {
    if (queue.length - head + running > 0) return;
    const waiting = idle;
    idle = [];
    for (const resolve of waiting) resolve();
  };

  const step = () => {
    scheduled = false;
    const item = queue[head];
    if (head >= queue.length) return;
    queue[head++] = undefined as T;
    if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    running++;
    handle(item as T)
      .catch(onError)
      .finally(() => {
        running--;
        settle();
      });
    schedule();
  };

  const schedule = () => {
    if (scheduled || head >= queue.length) return;
    scheduled = true;
    setImmediate(step);
  };

  return {
    push(item) {
      queue.push(item);
      schedule();
    },
    inFlight: () => queue.length - head + running,
    drain(ms) {
      const done = new Promise<void>((resolve) => {
        idle.push(resolve);
        settle();
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      });
      return Promise.race([done, timeout])
        .finally(() => clearTimeout(timer))
        .then(() => ({ unfinished: queue.length - head + running }));
    },
  };
}
