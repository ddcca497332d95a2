import * as path from "node:path";
import { drillChange } from "../../operations/dr/drill/drill";
import { compareForDrill, applyEdits, impactRefusal } from "../../operations/dr/drill/drill-impact";
import { loadDrillStacks } from "../../operations/dr/drill/run-drill";
import type { ConfigEdit } from "../../operations/dr/failover/ports";
import { planFromSettings } from "../../review/plan/stack-plan";
import type { BenchSuite } from "../run";

const PROJECT = path.resolve(__dirname, "../..");

/** The drill's preflight on the shipped dr stack and on two changes it must refuse: time to prove, and what it found. */
const suite: BenchSuite = {
  name: "dr-drill",
  description:
    "icna dr drill preflight: plans the dr stack offline before and after the drill's config change and classifies every differing resource (cluster-side, data tier, other). Wall-clock of the two plans plus the comparison.",
  async run() {
    const stacks = loadDrillStacks("prod", "dr", PROJECT);
    const { values, secretKeys } = stacks.drSettings;
    const shipped = drillChange(stacks).edits;
    const clusters = JSON.parse(values["icna:clusters"]) as { green: Record<string, unknown> };
    const data = JSON.parse(values["icna:data"]) as { postgres: Record<string, unknown> };
    const cases: [string, readonly ConfigEdit[]][] = [
      ["shipped drill: blue node groups to prod's sizes", shipped],
      [
        "drill + database class db.r7g.xlarge",
        [
          ...shipped,
          { key: "icna:data", value: { ...data, postgres: { ...data.postgres, instanceClass: "db.r7g.xlarge" } } },
        ],
      ],
      [
        "enable the disabled colour (green)",
        [{ key: "icna:clusters", value: { ...clusters, green: { ...clusters.green, enabled: true } } }],
      ],
    ];
    const rows = [
      "| Case | Seconds (2 plans + compare) | Differing | Cluster-side | Data tier | Other | Verdict |",
      "|---|---|---|---|---|---|---|",
    ];
    for (const [label, edits] of cases) {
      const started = process.hrtime.bigint();
      const before = (await planFromSettings("dr", values, secretKeys)).plan;
      const after = (await planFromSettings("dr", applyEdits(values, edits), secretKeys)).plan;
      const impact = compareForDrill(before, after);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cluster = impact.differences.filter((d) => d.side === "cluster").length;
      const refusal = impactRefusal("dr", impact);
      rows.push(
        `| ${label} | ${seconds.toFixed(1)} | ${impact.differences.length} | ${cluster} | ${impact.dataTier.length} | ${impact.outsideClusters.length} | ${refusal ? "refused" : "allowed"} |`,
      );
    }
    return rows.join("\n") + "\n";
  },
};

export default suite;
