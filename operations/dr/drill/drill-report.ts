import * as path from "node:path";
import { secondsBetween, stepTable, stepTimings, StepTiming, writeReportFiles } from "../failover/report";
import type { JsonValue, RunbookState, RunbookStep, StepRecord } from "../failover/runbook-model";
import { PREFLIGHT, SCALE_UP, TEARDOWN, VERIFY } from "./drill-steps";

/** What a drill measured, and whether it left the DR stack as it found it. */
export interface DrillReport {
  readonly stack: string;
  readonly primary: string;
  readonly cluster: string;
  /** `passed`: recreated, verified and torn down; `failed`: a step failed (see `failure`); `refused`: the preflight stopped it before any change. */
  readonly outcome: "passed" | "failed" | "refused";
  readonly failure: { readonly step: string; readonly error: string } | null;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** Seconds of `pulumi up` bringing the node groups to production size, from its first attempt. */
  readonly recreateSeconds: number | null;
  /** Seconds from the end of the update until the cluster was ACTIVE with its nodes Ready. */
  readonly verifySeconds: number | null;
  /** Seconds of `pulumi up` restoring the pilot-light config, from its first attempt. */
  readonly teardownSeconds: number | null;
  /** From the first start of the recreate to verified health: the cluster part of a failover's RTO. */
  readonly recreateToHealthySeconds: number | null;
  /** Ready nodes per node group when verified. */
  readonly readyNodes: Readonly<Record<string, number>> | null;
  /** True when the teardown ran (or nothing had changed): the DR stack is back in its pilot-light config. */
  readonly tornDown: boolean;
  /**
   * True when the offline plan proved only cluster-side resources change and the engine reported no operation
   * outside the clusters; false when either found one; null when the drill stopped before proving it.
   */
  readonly dataTierUntouched: boolean | null;
  readonly dataTierEvidence: readonly string[];
  readonly steps: readonly StepTiming[];
}

const elapsed = (step: StepRecord | undefined): number | null =>
  step?.status === "done" && step.finishedAt
    ? secondsBetween(step.firstStartedAt ?? step.startedAt, step.finishedAt)
    : null;

const operationsOf = (step: StepRecord | undefined): JsonValue[] | undefined => {
  const ops = step?.output?.operations;
  return Array.isArray(ops) ? ops : undefined;
};

function dataTierVerdict(state: Readonly<RunbookState>): { untouched: boolean | null; evidence: string[] } {
  const evidence: string[] = [];
  const preflight = state.steps[PREFLIGHT];
  const failure = state.failure;
  let untouched: boolean | null = null;
  if (preflight?.status === "done") {
    const count = Array.isArray(preflight.output?.differences) ? preflight.output.differences.length : 0;
    evidence.push(`offline plan before/after: ${count} resources differ, all cluster-side`);
    untouched = true;
  } else if (failure?.step === PREFLIGHT && /data tier/.test(failure.error)) {
    evidence.push("offline plan before/after: the change would touch the data tier, so nothing was applied");
    untouched = true;
  } else evidence.push("the preflight did not finish: nothing was applied");
  for (const id of [SCALE_UP, TEARDOWN]) {
    const step = state.steps[id];
    if (step === undefined || step.output?.skipped === true) continue;
    const operations = operationsOf(step);
    if (step.status === "failed" && /operated outside the clusters/.test(step.error ?? "")) {
      evidence.push(`${id}: ${step.error ?? ""}`);
      untouched = false;
    } else if (operations)
      evidence.push(`${id}: the engine reported ${operations.length} operations, all cluster-side`);
    else if (step.status === "done") evidence.push(`${id}: the updater reported no per-resource operations`);
    else
      evidence.push(`${id}: ${step.status}${step.error ? ` (${step.error})` : ""}: what the engine did is not known`);
  }
  if (state.steps[PREFLIGHT]?.status !== "done" && state.steps[SCALE_UP] === undefined) untouched = true;
  return { untouched, evidence };
}

function buildDrillReport(state: Readonly<RunbookState>, finishedAt: string, cluster: string): DrillReport {
  const scaleUp = state.steps[SCALE_UP];
  const verify = state.steps[VERIFY];
  const teardown = state.steps[TEARDOWN];
  const failure = state.failure ?? null;
  const { untouched, evidence } = dataTierVerdict(state);
  const verified = verify?.status === "done" && scaleUp?.finishedAt && verify.finishedAt;
  const readyNodes = verify?.status === "done" ? verify.output?.readyNodes : undefined;
  return {
    stack: state.to,
    primary: state.from,
    cluster,
    outcome: failure === null ? "passed" : failure.step === PREFLIGHT ? "refused" : "failed",
    failure,
    startedAt: state.startedAt,
    finishedAt,
    recreateSeconds: elapsed(scaleUp),
    verifySeconds: verified ? secondsBetween(scaleUp.finishedAt ?? "", verify.finishedAt ?? "") : null,
    teardownSeconds: teardown?.output?.skipped === true ? null : elapsed(teardown),
    recreateToHealthySeconds:
      verified && scaleUp ? secondsBetween(scaleUp.firstStartedAt ?? scaleUp.startedAt, verify.finishedAt ?? "") : null,
    readyNodes:
      readyNodes && typeof readyNodes === "object" && !Array.isArray(readyNodes)
        ? (readyNodes as Record<string, number>)
        : null,
    tornDown: teardown?.status === "done",
    dataTierUntouched: untouched,
    dataTierEvidence: evidence,
    steps: stepTimings(state),
  };
}

const value = (seconds: number | null) => (seconds === null ? "—" : `${seconds} s`);

function drillReportToMarkdown(report: DrillReport): string {
  return [
    `# DR drill of ${report.stack} (${report.cluster}): ${report.outcome.toUpperCase()}`,
    "",
    `- Started ${report.startedAt}, finished ${report.finishedAt}; production sizes from ${report.primary}`,
    ...(report.failure ? [`- **Failed step:** ${report.failure.step}: ${report.failure.error}`] : []),
    `- **Recreate (pulumi up to production size): ${value(report.recreateSeconds)}**`,
    `- **Verify (ACTIVE, nodes Ready): ${value(report.verifySeconds)}**${
      report.readyNodes
        ? ` (${Object.entries(report.readyNodes)
            .map(([g, n]) => `${g}: ${n} Ready`)
            .join(", ")})`
        : ""
    }`,
    `- **Teardown (back to pilot light): ${value(report.teardownSeconds)}**`,
    `- Recreate to healthy: ${value(report.recreateToHealthySeconds)} (the cluster part of a failover's RTO)`,
    `- Torn down: ${report.tornDown ? "yes" : "**NO: the clusters are still at production size; re-run the drill to retry the teardown**"}`,
    `- **Data tier untouched: ${report.dataTierUntouched === null ? "not proven" : report.dataTierUntouched ? "yes" : "NO"}**`,
    ...report.dataTierEvidence.map((e) => `  - ${e}`),
    "",
    ...stepTable(report.steps),
    "",
  ].join("\n");
}

/** Writes `<dir>/drill-report.json` and `.md`; always runs, so a failed or refused drill is reported too. */
export function drillReportStep(dir: string, cluster: string): RunbookStep {
  return {
    id: "write-report",
    title: `Write the drill report (recreate, verify and teardown times; data tier untouched) to ${dir}`,
    always: true,
    describe: [`${path.join(dir, "drill-report.json")} and .md, also after a failed or refused drill`],
    async run(ctx) {
      const report = buildDrillReport(ctx.state, ctx.clock.now().toISOString(), cluster);
      const files = await writeReportFiles(dir, "drill-report", report, drillReportToMarkdown(report));
      ctx.log(
        `${report.outcome}: recreate ${value(report.recreateSeconds)}, verify ${value(report.verifySeconds)}, teardown ${value(report.teardownSeconds)}, data tier untouched: ${report.dataTierUntouched ?? "not proven"}`,
      );
      return { report: JSON.parse(JSON.stringify(report)) as JsonValue, files };
    },
  };
}
