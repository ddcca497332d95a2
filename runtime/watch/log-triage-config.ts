import { z } from "zod";
import { HeaderFormatError, parseHeaderFormat } from "../logs/header-format";
import { durationSchema, parseDuration } from "../prometheus/duration";

/** CloudWatch Logs groups to read (the LogPipeline's), through the default AWS credential chain (IRSA in the cluster). */
const cloudWatchSchema = z
  .object({
    /** AWS region of the groups, e.g. eu-west-1. */
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { message: "must be an AWS region such as eu-west-1" }),
    /** Log group names, e.g. /aws/containerinsights/icna-prod-blue/application. */
    groups: z
      .array(z.string().regex(/^[\w#./-]{1,512}$/, { message: "must be a CloudWatch Logs group name (letters, digits, _ - / . #)" }))
      .min(1, { message: "name at least one log group" }),
  })
  .strict();

/**
 * Log triage attached to the watcher's alerts, and the log-pattern metrics: where the logs are
 * (`cloudwatch` or `path`, exactly one) and the windows triage compares.
 */
export const logTriageConfigSchema = z
  .object({
    cloudwatch: cloudWatchSchema.optional(),
    /** A log file, or a folder of them (read whole on each run: for tests and mounted files). */
    path: z.string().min(1).optional(),
    /** Header format in logparser notation (`<Date> <Time> <Level> <Component>: <Content>`). @default detected line by line */
    format: z
      .string()
      .superRefine((format, ctx) => {
        try {
          parseHeaderFormat(format);
        } catch (error) {
          if (!(error instanceof HeaderFormatError)) throw error;
          ctx.addIssue({ code: "custom", message: error.message.replace(/^--format /, "") });
        }
      })
      .optional(),
    /** The incident window: this much time before the anomalous point, up to the pass that raised the alert. @default 15m */
    window: durationSchema.default("15m"),
    /** The baseline: this much time just before the incident window. @default 1h */
    baseline: durationSchema.default("1h"),
    /** Longest triage may take; past it the alert goes out saying triage did not finish. @default 20s */
    deadline: durationSchema.default("20s"),
    /** Hypotheses attached to an alert. @default 3 */
    hypotheses: z.number().int().min(1).max(5).default(3),
    /** How often the log-pattern metrics are refreshed when no alert asks for triage. @default 5m */
    scanEvery: durationSchema.default("5m"),
    /** Surging patterns exported as metrics (top-K, bounded cardinality). @default 10 */
    metricsTop: z.number().int().min(1).max(50).default(10),
  })
  .strict()
  .superRefine((logs, ctx) => {
    if ((logs.cloudwatch === undefined) === (logs.path === undefined))
      ctx.addIssue({ code: "custom", message: "give exactly one of cloudwatch: { region, groups } (the cluster's log groups) or path: <file or folder>" });
    if ((parseDuration(logs.deadline) ?? 0) > 120_000)
      ctx.addIssue({ code: "custom", path: ["deadline"], message: `${logs.deadline} would hold alerts too long: at most 2m` });
  });

export type LogTriageConfig = z.infer<typeof logTriageConfigSchema>;
