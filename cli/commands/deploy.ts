import * as fs from "node:fs";
import * as path from "node:path";
import * as readline from "node:readline/promises";
import { AutomationEngine } from "../../operations/deploy/automation-engine";
import { PulumiEngineError } from "../../operations/pulumi-engine-error";
import { DeployOutcome, runDeploy } from "../../operations/deploy/run-deploy";
import { llmOptionsFromFlag } from "../../review/llm/llm-options";
import { evaluateChangePolicies } from "../../review/policy-input";
import { renderMarkdown } from "../../review/report/render-markdown";
import { renderTerminal } from "../../review/report/render-terminal";
import { toReviewJson } from "../../review/report/review-json";
import { Review } from "../../review/review";
import { PROJECT_DIR } from "../../stacks/config/project-dir";
import { packConfig } from "../../policies/crossguard/pack-config";
import { RULES } from "../../policies/rules";
import { loadStackConfig } from "../../stacks/config/load";
import { readStackSettings } from "../../stacks/config/stack-file";
import { assertApprovalsMatch } from "../approvals";
import { CliError } from "../cli-error";
import { ExitCode } from "../exit-codes";
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
  if (!process.stdin.isTTY) throw new CliError("refusing to apply without a confirmation: run interactively, or pass --yes (CI does, behind a protected environment)", ExitCode.Usage);
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
  if (!options.stack) throw new CliError("deploy needs --stack <name> (e.g. --stack prod)", ExitCode.Usage);
  const settings = readStackSettings(PROJECT_DIR, options.stack);
  const config = loadStackConfig(options.stack, settings.values);
  const stack = { name: options.stack, kind: config.environment, region: config.region };
  if (options.previewOnly !== true) {
    await assertDeployAllowed(projectDeploymentFreeze(PROJECT_DIR), options.stack).catch((error: Error) => {
      throw new CliError(error.message, ExitCode.Problem);
    });
  }
  const outDir = path.resolve(options.out ?? path.join(".icna", "deploy", options.stack));
  fs.mkdirSync(outDir, { recursive: true });
  const packDir = path.resolve(options.policyPack ?? path.join(PROJECT_DIR, "policies"));
  if (!fs.existsSync(path.join(packDir, "PulumiPolicy.yaml"))) throw new CliError(`--policy-pack ${packDir} has no PulumiPolicy.yaml; point it at the CrossGuard pack directory`, ExitCode.Usage);
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
      llm: llmOptionsFromFlag(options.llm),
      evaluatePolicy: ({ changes }) => evaluateChangePolicies(changes, stack),
      show: (review) => {
        // Before the report and before anything is applied: a mistyped id must not look like an approval.
        assertApprovalsMatch(review);
        if (options.markdown) fs.writeFileSync(options.markdown, renderMarkdown(review));
        process.stdout.write(options.json ? JSON.stringify(toReviewJson(review), null, 2) + "\n" : renderTerminal(review, { color: process.stdout.isTTY }));
      },
      confirm: options.yes ? async () => true : askOperator,
    });
  } catch (error) {
    if (error instanceof PulumiEngineError) throw new CliError(error.message, ExitCode.Problem);
    throw error;
  }
}

/** `icna deploy`: runs the reviewed deploy and says what happened; exit 1 when it blocks or is declined. */
export async function deployCommand(options: DeployCliOptions): Promise<ExitCode> {
  const outcome = await deploy(options);
  const messages: Record<DeployOutcome["status"], string> = {
    blocked: `Blocked: nothing was applied to ${options.stack}.`,
    "no-changes": `Nothing to apply to ${options.stack}.`,
    declined: "Not confirmed: nothing was applied.",
    applied: `Applied the reviewed plan to ${options.stack}.`,
    previewed: `Reviewed the preview of ${options.stack}; nothing applied (--preview-only).`,
  };
  process.stderr.write(messages[outcome.status] + "\n");
  return outcome.exitCode;
}
