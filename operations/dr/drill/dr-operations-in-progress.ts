import * as fs from "node:fs";
import * as path from "node:path";
import type { RunbookState } from "../failover/runbook-model";

const read = (file: string): RunbookState | undefined => {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as RunbookState;
  } catch {
    return undefined;
  }
};

/**
 * Why the DR stack belongs to a failover or failback right now, from their state files in `workDir`
 * (the default `<from>-<to>-<operation>.json` names): a failover or failback that has not completed, or
 * a completed failover with no completed failback after it (DR is serving production). Empty when none.
 */
export function drOperationsInProgress(workDir: string, drStack: string): string[] {
  if (!fs.existsSync(workDir)) return [];
  const reasons: string[] = [];
  const suffix = `-${drStack}-failover.json`;
  for (const name of fs.readdirSync(workDir).sort()) {
    const file = path.join(workDir, name);
    if (name.endsWith(`-${drStack}-failback.json`)) {
      const failback = read(file);
      if (failback && failback.status !== "completed")
        reasons.push(`a failback from ${drStack} to ${failback.from} is ${failback.status} (state: ${file})`);
    }
    if (!name.endsWith(suffix)) continue;
    const failover = read(file);
    if (!failover) {
      reasons.push(`${file} is not a readable failover state: inspect it`);
      continue;
    }
    if (failover.status !== "completed") {
      reasons.push(`a failover of ${failover.from} to ${drStack} is ${failover.status} (state: ${file})`);
      continue;
    }
    const failback = read(path.join(workDir, `${failover.from}-${drStack}-failback.json`));
    const failedBack =
      failback?.status === "completed" && Date.parse(failback.startedAt) >= Date.parse(failover.startedAt);
    if (!failedBack)
      reasons.push(
        `${drStack} is serving production: the failover of ${failover.from} completed at ${failover.finishedAt ?? "?"} and no failback has completed since (state: ${file})`,
      );
  }
  return reasons;
}
