/*
 * Log lines written in batches. A pipe to a supervisor is written synchronously on Linux, so one write per
 * line cost about 0.1 ms per interaction under a burst; lines are gathered and written once per event-loop
 * turn instead. `flush` writes what is pending at once (before process.exit).
 */

export interface BatchedWriter {
  write(line: string): void;
  flush(): void;
}

export function batchedWriter(out: (text: string) => void): BatchedWriter {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!pending.length) return;
    const text = pending.join("");
    pending = [];
    out(text);
  };
  return {
    write(line) {
      pending.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
