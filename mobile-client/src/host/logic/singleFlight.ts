// A click handler that runs its action once at a time: a double click on Draw sends one request.

/** Why: the server already draws once per round, but the console should not even ask twice. */
export function singleFlight<A extends unknown[], T>(action: (...args: A) => Promise<T>) {
  let running: Promise<T> | null = null;
  const run = (...args: A): Promise<T> => {
    if (running) return running;
    running = action(...args).finally(() => {
      running = null;
    });
    return running;
  };
  return Object.assign(run, { busy: () => running !== null });
}
