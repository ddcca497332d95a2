import * as fs from "node:fs";
import * as path from "node:path";
import * as readline from "node:readline/promises";
import type { Command } from "commander";
import { AutomationEngine, PulumiEngineError } from "../../operations/deploy/automation-engine";
import { DeployOutcome, runDeploy } from "../../operations/deploy/run-deploy";
import { evaluateChangePolicies } from "../../review/policy-input";
import { renderMarkdown } from "../../review/report/render-markdown";
import { renderTerminal } from "../../review/report/render-terminal";
import { toReviewJson } from "../../review/report/review-json";
import { Review } from "../../review/review";
import { PROJECT_DIR } from "../../review/plan/stack-plan";
import { packConfig } from "../../policies/crossguard/pack-config";
import { RULES } from "../../policies/rules";
import { loadStackConfig } from "../../stacks/config/load";
import { readStackSettings } from "../../stacks/config/stack-file";
import { CliError } from "../cli-error";
import { assertDeployAllowed, projectDeploymentFreeze } from "../../operations/dr/failover/file-freeze";

export interface DeployCliOptions {
  readonly stack?: string;
  readonly approve?: string[];
  readonly yes?: boolean;
  readonly savePlan?: string;
  readonly out?: string;
  readonly policyPack?: string;
  readonly llm?: boolean;
  readonly json?: boolean;
  readonly markdown?: string;
  readonly previewOnly?: boolean;
}

async function askOperator(review: Review): Promise<boolean> {
  if (!process.stdin.isTTY) throw new CliError("refusing to apply without a confirmation: run interactively, or pass --yes (CI does, behind a protected environment)", 1);
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const expected = review.stack.kind === "dev" ? "yes" : review.stack.name;
    const answer = await rl.question(`Apply the reviewed plan to ${review.stack.name}? Type "${expected}" to apply: `);
    return answer.trim() === expected;
  } finally {
    rl.close();
  }
}

/** `icna deploy`: reviewed preview, then `pulumi up --plan` of exactly that plan. */
export async function deploy(options: DeployCliOptions): Promise<DeployOutcome> {
  if (!options.stack) throw new CliError("deploy needs --stack <name> (e.g. --stack prod)", 1);
  const settings = readStackSettings(PROJECT_DIR, options.stack);
  const config = loadStackConfig(options.stack, settings.values);
  const stack = { name: options.stack, kind: config.environment, region: config.region };
  if (options.previewOnly !== true) {
    await assertDeployAllowed(projectDeploymentFreeze(PROJECT_DIR), options.stack).catch((error: Error) => {
      throw new CliError(error.message, 1);
    });
  }
  const outDir = path.resolve(options.out ?? path.join(".icna", "deploy", options.stack));
  fs.mkdirSync(outDir, { recursive: true });
  const packDir = path.resolve(options.policyPack ?? path.join(PROJECT_DIR, "policies"));
  if (!fs.existsSync(path.join(packDir, "PulumiPolicy.yaml"))) throw new CliError(`--policy-pack ${packDir} has no PulumiPolicy.yaml; point it at the CrossGuard pack directory`, 1);
  const packConfigPath = path.join(outDir, "policy-config.json");
  fs.writeFileSync(packConfigPath, JSON.stringify(packConfig(RULES, stack.kind), null, 2) + "\n");
  try {
    return await runDeploy({
      stack,
      engine: new AutomationEngine(PROJECT_DIR),
      outDir,
      planPath: options.savePlan ? path.resolve(options.savePlan) : undefined,
      policyPacks: [packDir],
      policyPackConfigs: [packConfigPath],
      approvals: options.approve ?? [],
      previewOnly: options.previewOnly === true,
      llm: { enabled: options.llm !== false },
      evaluatePolicy: ({ changes }) => evaluateChangePolicies(changes, stack),
      show: (review) => {
        if (options.markdown) fs.writeFileSync(options.markdown, renderMarkdown(review));
        process.stdout.write(options.json ? JSON.stringify(toReviewJson(review), null, 2) + "\n" : renderTerminal(review, { color: process.stdout.isTTY }));
      },
      confirm: options.yes ? async () => true : askOperator,
    });
  } catch (error) {
    if (error instanceof PulumiEngineError) throw new CliError(error.message, 1);
    throw error;
  }
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerDeploy(program: Command): void {
  program
    .command("deploy")
    .description("Preview with the policy pack, review every change, confirm (or block), then apply exactly the reviewed plan (pulumi up --plan)")
    .option("--stack <name>", "stack to deploy: dev, prod, dr")
    .option("--approve <id>", "approve one blocking finding by its id (repeatable)", collect)
    .option("--yes", "apply without asking once the review does not block (CI behind a protected environment)")
    .option("--save-plan <file>", "where to save the reviewed update plan (default: <out>/plan.json)")
    .option("--out <dir>", "where the event log, plan and review go (default: .icna/deploy/<stack>)")
    .option("--policy-pack <dir>", "CrossGuard policy pack directory (default: policies)")
    .option("--no-llm", "deterministic review only, even with OPENAI_API_KEY set")
    .option("--json", "print the review as JSON (the advisor contract)")
    .option("--markdown <file>", "also write the review as a Markdown comment")
    .option("--preview-only", "stop after the review: the pull-request check (exit 2 when it blocks)")
    .action(async (options: DeployCliOptions) => {
      const outcome = await deploy(options);
      const messages: Record<DeployOutcome["status"], string> = {
        blocked: `Blocked: nothing was applied to ${options.stack}.`,
        "no-changes": `Nothing to apply to ${options.stack}.`,
        declined: "Not confirmed: nothing was applied.",
        applied: `Applied the reviewed plan to ${options.stack}.`,
        previewed: `Reviewed the preview of ${options.stack}; nothing applied (--preview-only).`,
      };
      process.stderr.write(messages[outcome.status] + "\n");
      process.exitCode = outcome.exitCode;
    });
}
