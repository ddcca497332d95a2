import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { PROMTOOL, serviceBinary } from "../../testing/test-services";
import { WatchMetrics } from "../../runtime/watch/watch-metrics";
import { watcherRules } from "./watcher-rules";

const JOB = 'job="icna-watcher-blue",namespace="monitoring"';

/** Runs `promtool test rules` on the watcher's rules with one test case; returns promtool's verdict. */
function promtoolTest(series: Array<{ series: string; values: string }>, evalTime: string, expAlerts: object[]): { ok: boolean; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-watcher-rules-"));
  try {
    fs.writeFileSync(path.join(dir, "rules.yaml"), stringify({ groups: [{ name: "icna-watcher", rules: watcherRules("icna-watcher-blue", "monitoring", { logTriage: true }) }] }));
    fs.writeFileSync(
      path.join(dir, "test.yaml"),
      stringify({ rule_files: ["rules.yaml"], evaluation_interval: "1m", tests: [{ interval: "1m", input_series: series, alert_rule_test: [{ eval_time: evalTime, alertname: "IcnaWatcherLogTriageFailing", exp_alerts: expAlerts }] }] }),
    );
    const run = spawnSync(serviceBinary(PROMTOOL), ["test", "rules", "test.yaml"], { cwd: dir, encoding: "utf8" });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const firing = [{ exp_labels: { severity: "warning" }, exp_annotations: watcherRules("icna-watcher-blue", "monitoring", { logTriage: true }).at(-1)?.annotations }];

describe("the watcher's log-triage rule, evaluated by promtool", () => {
  it("fires when every run of the last 30 minutes failed, even with no successful run ever", () => {
    const result = promtoolTest([{ series: `icna_watch_triage_runs_total{${JOB},reason="scan",outcome="failed"}`, values: "0+1x40" }], "35m", firing);
    expect(result).toEqual({ ok: true, output: expect.stringMatching(/SUCCESS/) });
  });

  it("stays quiet while some runs succeed", () => {
    const result = promtoolTest(
      [
        { series: `icna_watch_triage_runs_total{${JOB},reason="scan",outcome="failed"}`, values: "0+1x40" },
        { series: `icna_watch_triage_runs_total{${JOB},reason="alert",outcome="ok"}`, values: "0x20 1x20" },
      ],
      "35m",
      [],
    );
    expect(result).toEqual({ ok: true, output: expect.stringMatching(/SUCCESS/) });
  });

  it("is a real check: expecting silence where it fires fails", () => {
    expect(promtoolTest([{ series: `icna_watch_triage_runs_total{${JOB},reason="scan",outcome="failed"}`, values: "0+1x40" }], "35m", []).ok).toBe(false);
  });

  it("is added only to a watcher that triages logs", () => {
    expect(watcherRules("j", "n").map((r) => r.alert)).not.toContain("IcnaWatcherLogTriageFailing");
    expect(watcherRules("j", "n", { logTriage: true }).map((r) => r.alert)).toContain("IcnaWatcherLogTriageFailing");
  });
});

describe("the watcher's rules and its metrics", () => {
  it("read only metrics the watcher registers (a renamed metric breaks this test, not a silent rule)", async () => {
    const registered = new Set((await new WatchMetrics().registry.getMetricsAsJSON()).map((family) => family.name));
    const read = watcherRules("j", "n", { logTriage: true }).flatMap((rule) => rule.expr.match(/\bicna_[a-z_]+/g) ?? []);
    expect(read.length).toBeGreaterThanOrEqual(3);
    expect(read.filter((name) => !registered.has(name))).toEqual([]);
  });
});
