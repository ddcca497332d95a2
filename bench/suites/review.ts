import { planStack } from "../../review/plan/stack-plan";
import { BenchSuite } from "../run";

const STACKS = ["dev", "prod", "dr"];
const RUNS = 3;

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
    return `| Stack | Resources | Median ms | Min ms | Max ms |\n|---|---:|---:|---:|---:|\n${rows.join("\n")}\n`;
  },
};

export default suite;
