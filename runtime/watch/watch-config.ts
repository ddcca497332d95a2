import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { JudgeConfigError } from "../judge/judge-config";
import { durationSchema } from "../prometheus/duration";
import { logTriageConfigSchema } from "./log-triage-config";

/** Watcher configuration (YAML). */
export const watchConfigSchema = z
  .object({
    /** Prometheus base URL to read the signals from. */
    prometheus: z.url(),
    /** Alertmanager base URL to send alerts to (`/api/v2/alerts`). */
    alertmanager: z.url(),
    /** How often to read and score, and the resolution of the samples. @default 60s */
    interval: durationSchema.default("60s"),
    /** History read at start-up to warm the detectors up (no alerts for it). @default 2d */
    history: durationSchema.default("2d"),
    /** Score at or above which an alert is sent. @default 0.6 */
    alertThreshold: z.number().gt(0).max(1).default(0.6),
    /** Cluster colours to watch; `$colour` in each query is replaced by each. @default [blue, green] */
    colours: z.array(z.enum(["blue", "green"])).min(1).default(["blue", "green"]),
    /** Extra labels on every alert, e.g. { cluster: prod }. */
    labels: z.record(z.string(), z.string()).default({}),
    /** Where the cluster's logs are: triage runs on each new alert and its top hypotheses go into the alert; surging patterns become metrics. @default no log triage */
    logs: logTriageConfigSchema.optional(),
    signals: z
      .array(
        z
          .object({
            /** Signal name (a Prometheus label value). */
            name: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { message: "must be a Prometheus-style name (letters, digits, _)" }),
            /** PromQL returning one series per colour, with `$colour`. */
            query: z.string().includes("$colour", { message: "must contain $colour" }),
            /** Alert severity label. @default warning */
            severity: z.enum(["info", "warning", "critical"]).default("warning"),
          })
          .strict(),
      )
      .min(1)
      .superRefine((signals, ctx) => {
        const seen = new Map<string, number>();
        signals.forEach((signal, i) => {
          const first = seen.get(signal.name);
          if (first !== undefined) ctx.addIssue({ code: "custom", path: [i, "name"], message: `"${signal.name}" is already the name of signals.${first}; each signal needs its own name (its metrics are labelled by it)` });
          else seen.set(signal.name, i);
        });
      }),
  })
  .strict();

export type WatchConfig = z.infer<typeof watchConfigSchema>;

/** Parses and validates a watcher config; every problem names its field. */
export function parseWatchConfig(text: string, source: string): WatchConfig {
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    throw new JudgeConfigError(source, [`not valid YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`], "watch config");
  }
  const result = watchConfigSchema.safeParse(parsed);
  if (!result.success) throw new JudgeConfigError(source, result.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(top level)"}: ${i.message}`), "watch config");
  return result.data;
}
