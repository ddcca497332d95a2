import * as fs from "node:fs";
import * as path from "node:path";
import { recordedDataPath } from "./recorded-data";

/** When things happened in the recorded nginx outage (testing/data/README.md), epoch ms. */
export const NGINX_OUTAGE = {
  start: Date.UTC(2026, 11, 7, 15, 32, 56),
  upstreamKilled: Date.UTC(2026, 11, 7, 15, 35, 56),
  upstreamSlow: Date.UTC(2026, 11, 7, 15, 37, 26),
  restored: Date.UTC(2026, 11, 7, 15, 38, 56),
  end: Date.UTC(2026, 11, 7, 15, 39, 56),
} as const;

const NGINX_TIME = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2}) /;

const nginxTime = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace(/-/g, "/").replace("T", " ");

/**
 * The recorded nginx outage log replayed at another time, as the watcher tests replay recorded metrics:
 * every line's timestamp moved by the same offset so that the upstream is killed at `upstreamKilledMs`;
 * the messages are untouched. Written to `dir`; returns the file's path.
 */
export function replayNginxOutage(dir: string, upstreamKilledMs: number, extraLines: (shift: (ms: number) => string) => string[] = () => []): string {
  const offset = upstreamKilledMs - NGINX_OUTAGE.upstreamKilled;
  const lines = fs
    .readFileSync(recordedDataPath("nginx-upstream-outage-error.log"), "utf8")
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => {
      const m = NGINX_TIME.exec(line);
      if (!m) return line;
      return `${nginxTime(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) + offset)} ${line.slice(m[0].length)}`;
    });
  const file = path.join(dir, "error.log");
  fs.writeFileSync(file, [...lines, ...extraLines((ms) => nginxTime(ms + offset))].join("\n") + "\n");
  return file;
}
