import * as fs from "node:fs";
import * as path from "node:path";
import type { JsonValue, RunbookState, RunbookStep } from "./runbook-model";

/** What a finished failover or failback measured. */
export interface DrReport {
  readonly operation: string;
  readonly from: string;
  readonly to: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** Wall-clock seconds from the operation's first start to verified health. */
  readonly rtoSeconds: number;
  /** Replication lag (or backup age) read before promotion; null when it could not be measured. */
  readonly rpoSeconds: number | null;
  readonly rpoSource: string;
  readonly steps: readonly StepTiming[];
  readonly followUps: readonly string[];
}

/** Whole seconds between two ISO times. */
export const secondsBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 1000);
const seconds = secondsBetween;

/** One row per step that ran: its status, attempts and the latest attempt's duration. */
export interface StepTiming {
  readonly id: string;
  readonly status: string;
  readonly attempts: number;
  readonly seconds: number | null;
}

export function stepTimings(state: Readonly<RunbookState>): StepTiming[] {
  return Object.entries(state.steps).map(([id, s]) => ({
    id,
    status: s.status,
    attempts: s.attempts,
    seconds: s.finishedAt ? seconds(s.startedAt, s.finishedAt) : null,
  }));
}

/** The Markdown table of step timings. */
export function stepTable(steps: readonly StepTiming[]): string[] {
  return [
    "| Step | Status | Attempts | Seconds |",
    "|---|---|---|---|",
    ...steps.map((s) => `| ${s.id} | ${s.status} | ${s.attempts} | ${s.seconds ?? ""} |`),
  ];
}

/** Writes `<dir>/<name>.json` and `.md` (re-running rewrites them); returns both paths. */
export async function writeReportFiles(dir: string, name: string, json: unknown, markdown: string): Promise<string[]> {
  await fs.promises.mkdir(dir, { recursive: true });
  const base = path.join(dir, name);
  await fs.promises.writeFile(`${base}.json`, JSON.stringify(json, null, 2) + "\n");
  await fs.promises.writeFile(`${base}.md`, markdown);
  return [`${base}.json`, `${base}.md`];
}

function buildReport(
  state: Readonly<RunbookState>,
  finishedAt: string,
  healthStepId: string,
  followUps: readonly string[],
): DrReport {
  const rpo = state.steps["measure-rpo"]?.output ?? {};
  const healthyAt = state.steps[healthStepId]?.finishedAt ?? finishedAt;
  return {
    operation: state.operation,
    from: state.from,
    to: state.to,
    startedAt: state.startedAt,
    finishedAt,
    rtoSeconds: seconds(state.startedAt, healthyAt),
    rpoSeconds: typeof rpo.rpoSeconds === "number" ? rpo.rpoSeconds : null,
    rpoSource: typeof rpo.rpoSource === "string" ? rpo.rpoSource : "not measured",
    steps: stepTimings(state),
    followUps,
  };
}

function reportToMarkdown(report: DrReport): string {
  return [
    `# ${report.operation} ${report.from} → ${report.to}`,
    "",
    `- Started ${report.startedAt}, finished ${report.finishedAt}`,
    `- **RTO (measured): ${report.rtoSeconds} s** from the first start to verified health`,
    `- **RPO: ${report.rpoSeconds === null ? "not measured" : `${report.rpoSeconds} s`}** (${report.rpoSource})`,
    "",
    ...stepTable(report.steps),
    "",
    ...(report.followUps.length ? ["## Follow-ups", "", ...report.followUps.map((f) => `- ${f}`), ""] : []),
  ].join("\n");
}

/** The last step: writes `<dir>/<operation>-report.json` and `.md`. Re-running rewrites the same files. */
export function reportStep(dir: string, healthStepId: string, followUps: readonly string[]): RunbookStep {
  return {
    id: "write-report",
    title: `Write the report (measured RTO and RPO) to ${dir}`,
    describe: [
      `${path.join(dir, "<operation>-report.json")} and .md: RTO = wall-clock from the first start to verified health; RPO = lag read before promotion`,
    ],
    async run(ctx) {
      const report = buildReport(ctx.state, ctx.clock.now().toISOString(), healthStepId, followUps);
      const files = await writeReportFiles(dir, `${report.operation}-report`, report, reportToMarkdown(report));
      ctx.log(
        `RTO ${report.rtoSeconds} s, RPO ${report.rpoSeconds ?? "not measured"}${report.rpoSeconds === null ? "" : " s"}`,
      );
      return { report: JSON.parse(JSON.stringify(report)) as JsonValue, files };
    },
  };
}
