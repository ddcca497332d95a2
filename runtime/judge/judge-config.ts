import { parse as parseYaml } from "yaml";
import { z } from "zod";

const metricSchema = z
  .object({
    /** Metric (column / signal) name. */
    name: z.string().min(1),
    /** Which change is bad: `increase` (latency, errors), `decrease` (throughput, success rate) or `either`. */
    direction: z.enum(["increase", "decrease", "either"]),
    /** Relative change (percent of the baseline median) tolerated even when it is significant. */
    allowedChangePercent: z.number().min(0).default(10),
    /** Relative change beyond which the metric fails outright (and, when `critical`, the whole judgement). */
    criticalChangePercent: z.number().positive().default(20),
    /** A failed critical metric fails the judgement whatever the score. */
    critical: z.boolean().default(false),
    /** Share of the 0–100 score. */
    weight: z.number().positive().default(1),
    /** Outlier removal before testing: Tukey fences at `k` interquartile ranges, or none. */
    outliers: z.union([z.literal("none"), z.object({ method: z.literal("iqr"), k: z.number().positive().default(3) })]).default({ method: "iqr", k: 3 }),
    /** Fewest samples per colour for a verdict; fewer is "no data". */
    minSamples: z.number().int().min(2).default(5),
    /** What "no data" means: fail the metric, pass it, or leave it out of the score. */
    noData: z.enum(["fail", "pass", "ignore"]).default("fail"),
    /** Changes smaller than this absolute amount are never a regression (e.g. 0.001 for error rates near 0). */
    minAbsoluteChange: z.number().min(0).default(0),
  })
  .strict()
  .refine((m) => m.criticalChangePercent >= m.allowedChangePercent, {
    message: "criticalChangePercent must be ≥ allowedChangePercent",
    path: ["criticalChangePercent"],
  });

/** The judge's configuration (YAML), validated. */
export const judgeConfigSchema = z
  .object({
    /** Significance level of each metric's test. */
    alpha: z.number().gt(0).lt(0.5).default(0.01),
    /** Confidence level of the reported Hodges–Lehmann interval. */
    confidence: z.number().gt(0.5).lt(1).default(0.95),
    /** Score at or above which the judgement passes. */
    passScore: z.number().min(0).max(100).default(90),
    /** Score at or above which the judgement is marginal (below: fail). */
    marginalScore: z.number().min(0).max(100).default(70),
    metrics: z.array(metricSchema).min(1),
  })
  .strict()
  .refine((c) => c.passScore >= c.marginalScore, { message: "passScore must be ≥ marginalScore", path: ["passScore"] })
  .refine((c) => new Set(c.metrics.map((m) => m.name)).size === c.metrics.length, { message: "metric names must be unique", path: ["metrics"] });

export type JudgeConfig = z.infer<typeof judgeConfigSchema>;
export type MetricConfig = JudgeConfig["metrics"][number];
/** What a user may write (defaults filled in by validation). */
export type JudgeConfigInput = z.input<typeof judgeConfigSchema>;

/** An invalid configuration file (judge, rollout or watch); the message lists every problem with its field path. */
export class JudgeConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
    what = "judge config",
  ) {
    super(`${source}: invalid ${what}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "JudgeConfigError";
  }
}

/** Validates a parsed configuration object. */
export function validateJudgeConfig(input: unknown, source = "judge config"): JudgeConfig {
  const result = judgeConfigSchema.safeParse(input);
  if (result.success) return result.data;
  throw new JudgeConfigError(
    source,
    result.error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "(top level)"}: ${issue.message}`),
  );
}

/** Parses and validates YAML judge configuration text. */
export function parseJudgeConfig(yamlText: string, source: string): JudgeConfig {
  let parsed: unknown;
  try {
    parsed = parseYaml(yamlText);
  } catch (error) {
    throw new JudgeConfigError(source, [`not valid YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`]);
  }
  return validateJudgeConfig(parsed, source);
}
