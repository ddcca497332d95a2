import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { judgeConfigSchema, JudgeConfigError, type JudgeConfig } from "../../runtime/judge/judge-config";

import { durationSchema } from "../../runtime/prometheus/duration";


const signalSchema = z
  .object({
    /** Metric name, matching a `judge.metrics[].name`. */
    name: z.string().min(1),
    /** PromQL with `$colour` where the colour label goes, e.g. `histogram_quantile(0.99, …{colour="$colour"})`. */
    query: z.string().includes("$colour", { message: "must contain $colour so it can be asked per colour" }),
  })
  .strict();

/** Rollout configuration (YAML): where the signals come from and how they are judged. */
export const rolloutConfigSchema = z
  .object({
    /** Prometheus base URL. */
    prometheus: z.url(),
    /** Resolution of the samples pulled for each interval. @default 60s */
    sampleStep: durationSchema.default("60s"),
    /** A colour is healthy when this query (with `$colour`) returns at least one series and every value is ≥ `min`. */
    health: z.object({ query: z.string().includes("$colour", { message: "must contain $colour" }), min: z.number().default(1) }).strict(),
    signals: z.array(signalSchema).min(1),
    judge: judgeConfigSchema,
    /** Grafana to annotate with every cutover decision (its token comes from ICNA_GRAFANA_TOKEN, never from this file). @default none */
    grafana: z.object({ url: z.url() }).strict().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const judged = new Set(c.judge.metrics.map((m) => m.name));
    c.signals.forEach((s, i) => {
      if (!judged.has(s.name)) ctx.addIssue({ code: "custom", path: ["signals", i, "name"], message: `"${s.name}" has no entry in judge.metrics` });
    });
    const signalled = new Set(c.signals.map((s) => s.name));
    c.judge.metrics.forEach((m, i) => {
      if (!signalled.has(m.name)) ctx.addIssue({ code: "custom", path: ["judge", "metrics", i, "name"], message: `"${m.name}" has no query in signals` });
    });
  });

export type RolloutConfig = Omit<z.infer<typeof rolloutConfigSchema>, "judge"> & { readonly judge: JudgeConfig };

/** Parses and validates a rollout config; every problem names its field. */
export function parseRolloutConfig(text: string, source: string): RolloutConfig {
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    throw new JudgeConfigError(source, [`not valid YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`], "rollout config");
  }
  const result = rolloutConfigSchema.safeParse(parsed);
  if (!result.success) throw new JudgeConfigError(source, result.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(top level)"}: ${i.message}`), "rollout config");
  return result.data;
}
