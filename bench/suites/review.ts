import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { planStack } from "../../review/plan/stack-plan";
import { BenchSuite } from "../run";

const STACKS = ["dev", "prod", "dr"];
const RUNS = 3;
const ICNA = path.resolve(__dirname, "..", "..", "bin", "icna.js");

/** Wall seconds of `npx icna review --stack <stack>` end to end (a fresh process: loading the SDKs included), sorted. */
function endToEndSeconds(stack: string): number[] {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [ICNA, "review", "--stack", stack], { encoding: "utf8" });
    // A review that reached its verdict counts, whatever the verdict (and so the exit code).
    if (result.error || !/^Verdict: /m.test(result.stdout)) throw new Error(`icna review --stack ${stack} gave no verdict (${result.status ?? result.signal ?? result.error?.message}): ${result.stderr}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  return times.sort((a, b) => a - b);
}

/** Wall-clock time of the offline plan (config validation + the real program under mocks) per stack. */
const suite: BenchSuite = {
  name: "review",
  description: `Offline review: time to validate config and plan each shipped stack under the SDK's mocks (median of ${RUNS} runs, after one warm-up run that loads the providers).`,
  async run() {
    await planStack("dev");
    const rows: string[] = [];
    for (const stack of STACKS) {
      const times: number[] = [];
      let resources = 0;
      for (let i = 0; i < RUNS; i++) {
        const started = process.hrtime.bigint();
        resources = (await planStack(stack)).plan.resources.length;
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      times.sort((a, b) => a - b);
      rows.push(`| ${stack} | ${resources} | ${times[Math.floor(RUNS / 2)].toFixed(0)} | ${times[0].toFixed(0)} | ${times[RUNS - 1].toFixed(0)} |`);
    }
    const wall = endToEndSeconds("prod");
    return [
      "| Stack | Resources | Median ms | Min ms | Max ms |",
      "|---|---:|---:|---:|---:|",
      ...rows,
      "",
      `End to end, a fresh process each time (${RUNS} runs): config, the real program under mocks, policies, risks, cost and verdict, most of the time spent loading the AWS, EKS and Kubernetes SDKs.`,
      "",
      "| Command | Median s | Min s | Max s |",
      "|---|---:|---:|---:|",
      `| \`npx icna review --stack prod\` | ${wall[Math.floor(RUNS / 2)].toFixed(1)} | ${wall[0].toFixed(1)} | ${wall[RUNS - 1].toFixed(1)} |`,
      "",
    ].join("\n");
  },
};

export default suite;
