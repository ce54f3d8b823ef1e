import { type Logger } from '../logger.js';

/**
 * A job that runs every `everyMs` in this process. A failed tick is logged as `failure` and tried again at
 * the next; the timer never keeps the process alive.
 */
export function intervalWorker(
  log: Logger,
  everyMs: number,
  failure: string,
  tick: () => Promise<void>,
): { start(): void; stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  return {
    start() {
      timer = setInterval(() => {
        tick().catch((error: unknown) => log.warn({ err: error }, failure));
      }, everyMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      return Promise.resolve();
    },
  };
}
