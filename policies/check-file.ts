import * as fs from "node:fs";
import { z } from "zod";
import { evaluatePolicies, hasMandatoryViolation } from "./evaluate";
import { PolicyResource, PolicyViolation, StackInfo, UndecidedCheck } from "./model";
import { resolveStack } from "./stack-kind";

/** Bad input to `icna policy check`: the message names the file, the entry and the fix. */
export class PolicyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PolicyInputError";
  }
}

export interface PolicyCheckOptions {
  /** Path of a JSON array of {"type", "name", "props"} (or an icna plan / review with a "resources" array). */
  readonly resources: string;
  /** Stack name; its kind is read from it unless `kind` is given. @default prod */
  readonly stack?: string;
  readonly kind?: string;
  /** ISO date for date-dependent rules. @default today */
  readonly today?: string;
}

export interface PolicyCheckReport {
  readonly stack: StackInfo;
  readonly resourceCount: number;
  readonly rulesEvaluated: number;
  readonly violations: PolicyViolation[];
  readonly undecided: UndecidedCheck[];
  /** True when a mandatory rule is violated (the CLI exits 1). */
  readonly blocked: boolean;
}

const TYPE_TOKEN = /^[A-Za-z0-9_-]+:[A-Za-z0-9_./-]*:[A-Za-z0-9_]+$/;

const entrySchema = z.object({
  type: z.string({ error: 'is required: a Pulumi type token such as "aws:rds/instance:Instance"' }).regex(TYPE_TOKEN, { error: 'is not a Pulumi type token such as "aws:rds/instance:Instance"' }),
  name: z.string({ error: "is required: the resource's logical name" }).min(1, { error: "must not be empty" }),
  props: z.record(z.string(), z.unknown(), { error: "must be an object of the resource's inputs as in a preview (use {} for none)" }),
  urn: z.string().optional(),
  protect: z.boolean({ error: "must be true or false" }).optional(),
  parent: z.string().nullish(),
  provider: z.string().nullish(),
  dependencies: z.array(z.string()).optional(),
  propertyDependencies: z.record(z.string(), z.array(z.string())).optional(),
});

function jsonError(source: string, text: string, error: unknown): PolicyInputError {
  const detail = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(detail);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    return new PolicyInputError(`${source}:${line}:${column}: not valid JSON (${detail.replace(/ in JSON at position \d+.*$/, "")})`);
  }
  return new PolicyInputError(`${source}: not valid JSON (${detail})`);
}

/** Parses a resources file: an array of {"type", "name", "props"}, or an object with a "resources" array of plan resources ("inputs"). */
export function parseResources(text: string, source: string): PolicyResource[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw jsonError(source, text, error);
  }
  const entries = Array.isArray(parsed) ? parsed : parsed !== null && typeof parsed === "object" && Array.isArray((parsed as { resources?: unknown }).resources) ? (parsed as { resources: unknown[] }).resources : undefined;
  if (!entries) throw new PolicyInputError(`${source}: expected a JSON array of {"type", "name", "props"} objects (or an icna plan with a "resources" array)`);
  const problems: string[] = [];
  const resources: PolicyResource[] = [];
  entries.forEach((entry, index) => {
    const normalized = entry !== null && typeof entry === "object" && !("props" in entry) && "inputs" in entry ? { ...entry, props: (entry as { inputs: unknown }).inputs } : entry;
    const result = entrySchema.safeParse(normalized);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`[${index}]${issue.path.map((p) => `.${String(p)}`).join("")}: ${issue.message}`);
      return;
    }
    const { parent, provider, ...rest } = result.data;
    resources.push({ ...rest, ...(parent ? { parent } : {}), ...(provider ? { provider } : {}) });
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    throw new PolicyInputError(`${source}: ${problems.length} problem${problems.length > 1 ? "s" : ""} in the resources:\n  ${shown.join("\n  ")}${problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : ""}`);
  }
  return resources;
}

/** `icna policy check`: evaluates every rule for the stack kind over the resources in a file. */
export async function checkResourcesFile(options: PolicyCheckOptions): Promise<PolicyCheckReport> {
  let stack: StackInfo;
  try {
    stack = resolveStack(options);
  } catch (error) {
    throw new PolicyInputError((error as Error).message);
  }
  let text: string;
  try {
    text = await fs.promises.readFile(options.resources, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PolicyInputError(code === "ENOENT" ? `${options.resources}: no such file` : `${options.resources}: cannot read it (${(error as Error).message})`);
  }
  const resources = parseResources(text, options.resources);
  const evaluation = evaluatePolicies(resources, stack, { today: options.today });
  return { stack, resourceCount: resources.length, ...evaluation, blocked: hasMandatoryViolation(evaluation) };
}
