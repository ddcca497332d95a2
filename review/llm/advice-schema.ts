import { z } from "zod";
import { RISK_CATEGORIES, RISK_SEVERITIES } from "../risk/finding";

/** What the LLM must answer: a summary and, optionally, extra findings about resources of the change. */
export const adviceSchema = z
  .object({
    summary: z.string().min(1).max(2000),
    findings: z
      .array(
        z
          .object({
            urns: z.array(z.string()).min(1).max(20),
            category: z.enum(RISK_CATEGORIES),
            severity: z.enum(RISK_SEVERITIES),
            title: z.string().min(1).max(300),
            evidence: z.array(z.string().max(300)).max(10),
            recommendation: z.string().max(600),
          })
          .strict(),
      )
      .max(20),
  })
  .strict();

export type Advice = z.infer<typeof adviceSchema>;

/** The JSON Schema sent as `response_format` (strict structured output where the endpoint supports it). */
export const ADVICE_JSON_SCHEMA = z.toJSONSchema(adviceSchema) as Record<string, unknown>;
