/*
 * Log lines written in batches. A pipe to a supervisor is written synchronously on Linux, and a burst logs
 * one line per interaction: lines are gathered and written at most every `everyMs` (or once 64 KB wait),
 * in one write. `flush` writes what is pending at once (main.ts calls it before the process exits).
 */

export interface BatchedWriter {
  write(line: string): void;
  flush(): void;
}

const MAX_PENDING = 64 * 1024;

export function batchedWriter(out: (text: string) => void, everyMs = 50): BatchedWriter {
  let pending: string[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending.length) return;
    const text = pending.join("");
    pending = [];
    size = 0;
    out(text);
  };
  return {
    write(line) {
      pending.push(line);
      size += line.length;
      if (size >= MAX_PENDING) flush();
      else if (!timer) timer = setTimeout(flush, everyMs).unref();
    },
    flush,
  };
}
