import { parseLogTimestamp } from "../../runtime/logs/timestamp";
import { LogMiner } from "../../runtime/logs/log-miner";
import { rankPatterns, type Occurrence, type TimeWindow } from "../../runtime/logs/triage";
import { readLoghub } from "./loghub";

const HOUR = 3_600_000;
/** Alerts further apart than this are separate incidents. */
const EPISODE_GAP = HOUR;
/** Margins around an episode's first and last alert: wider windows hold more normal lines to rank against. */
const MARGINS = [60_000, HOUR, 6 * HOUR];
/** An episode needs at least this much log history before it for a baseline. */
const MIN_BASELINE = 24 * HOUR;

interface Episode {
  readonly window: TimeWindow;
  readonly alerts: number;
}

/** Alert episodes: alert lines grouped while less than EPISODE_GAP apart, each widened by MARGIN. */
function episodes(times: readonly number[], alert: readonly boolean[], margin: number): Episode[] {
  const alertTimes = times.filter((_, i) => alert[i]).sort((a, b) => a - b);
  const out: Episode[] = [];
  let start = alertTimes[0];
  let last = alertTimes[0];
  let n = 0;
  for (const t of alertTimes) {
    if (t - last > EPISODE_GAP) {
      out.push({ window: { start: start - margin, end: last + margin }, alerts: n });
      start = t;
      n = 0;
    }
    last = t;
    n++;
  }
  out.push({ window: { start: start - margin, end: last + margin }, alerts: n });
  return out;
}

/**
 * Incident windows around BGL's labelled alerts (first field not `-`), baseline = all log history
 * before the window: is the top-ranked pattern an alert pattern (most of its lines in the window
 * labelled alerts)? Reports hit@1, hit@3 and MRR for the rate test and, for comparison, for ranking
 * by raw count in the window.
 */
export function triageRankingTable(root: string): string {
  const sample = readLoghub(root, "BGL");
  const logs = new LogMiner();
  const mined = sample.lines.map((line, i) => logs.push(line, i + 1)).filter((m) => m !== undefined);
  const last = logs.end();
  if (last) mined.push(last);
  const times = mined.map((m) => parseLogTimestamp(m.entry.header.timestamp ?? "") ?? NaN);
  if (times.some(Number.isNaN)) throw new Error("BGL: a line's timestamp was not read");
  const alert = sample.labels.map((l) => l !== "-");
  const ids = mined.map((m) => logs.miner.resolve(m.pattern).id);
  const templates = new Map(
    mined.map((m) => [logs.miner.resolve(m.pattern).id, logs.miner.resolve(m.pattern).template]),
  );
  const occurrences: Occurrence[] = ids.map((pattern, i) => ({ time: times[i], pattern }));
  const first = Math.min(...times);

  const table: string[] = [];
  for (const margin of MARGINS) {
    const rows: Array<{ rate: number; count: number }> = [];
    let used = 0;
    for (const episode of episodes(times, alert, margin)) {
      if (episode.window.start - first < MIN_BASELINE) continue;
      used++;
      const inWindow = ids
        .map((id, i) => ({ id, alert: alert[i], t: times[i] }))
        .filter((x) => x.t >= episode.window.start && x.t < episode.window.end);
      const alertPattern = (id: string): boolean => {
        const lines = inWindow.filter((x) => x.id === id);
        return lines.filter((x) => x.alert).length * 2 > lines.length;
      };
      const byRate = rankPatterns(occurrences, templates, episode.window, {
        start: first,
        end: episode.window.start,
      }).map((p) => p.id);
      const counts = new Map<string, number>();
      for (const x of inWindow) counts.set(x.id, (counts.get(x.id) ?? 0) + 1);
      const byCount = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
      const reciprocal = (ranking: string[]): number => {
        const at = ranking.findIndex(alertPattern);
        return at < 0 ? 0 : 1 / (at + 1);
      };
      rows.push({ rate: reciprocal(byRate), count: reciprocal(byCount) });
    }
    const stat = (pick: (r: { rate: number; count: number }) => number): string => {
      const rr = rows.map(pick);
      const hit = (k: number): string => (rr.filter((r) => r >= 1 / k).length / rr.length).toFixed(3);
      return `${hit(1)} | ${hit(3)} | ${(rr.reduce((a, b) => a + b, 0) / rr.length).toFixed(3)}`;
    };
    table.push(`| ${margin / 60_000} min | ${used} | ${stat((r) => r.rate)} | ${stat((r) => r.count)} |`);
  }
  return [
    "### Triage ranking on BGL's alert labels",
    "",
    `Incident windows: BGL-2k's alert lines grouped into episodes (a new episode after ${EPISODE_GAP / HOUR} h without alerts), widened by a margin each side; baseline: all lines before the window; episodes with less than ${MIN_BASELINE / HOUR} h of history before them are skipped. An alert pattern is one whose lines in the window are mostly alert-labelled. Nothing was tuned on these labels. Hit@k: share of episodes whose first alert pattern ranks in the top k; MRR: mean reciprocal rank of the first alert pattern.`,
    "",
    "| margin | episodes | rate test hit@1 | hit@3 | MRR | raw count hit@1 | hit@3 | MRR |",
    "|---|---|---|---|---|---|---|---|",
    ...table,
  ].join("\n");
}
