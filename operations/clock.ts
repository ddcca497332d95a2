/** Time and waiting, injectable so a test can replay recorded time and waits run instantly. */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
