import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { DeployEngine, EngineEventJson, PreviewRequest, UpRequest } from "./deploy-engine";

/** Thrown when the Pulumi CLI (which the Automation API drives) is missing or fails. */
export class PulumiEngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PulumiEngineError";
  }
}

function explain(error: unknown, step: string): PulumiEngineError {
  const message = error instanceof Error ? error.message : String(error);
  if (/ENOENT|not found|Could not find|pulumi: command not found|minimum version/i.test(message)) {
    return new PulumiEngineError(`${step} needs the Pulumi CLI (https://www.pulumi.com/docs/install/) on PATH, logged in to the stack's backend: ${message.split("\n")[0]}`);
  }
  return new PulumiEngineError(`${step} failed: ${message.split("\n").slice(0, 6).join("\n")}`);
}

/**
 * The real engine: the Pulumi Automation API over the project in `workDir` (a local program, so
 * `pulumi up` runs exactly the code that was previewed). Events arrive through `onEvent`, which the
 * Automation API reads from the engine's own event log.
 */
export class AutomationEngine implements DeployEngine {
  constructor(private readonly workDir: string) {}

  private async select(stack: string) {
    try {
      return await LocalWorkspace.selectStack({ stackName: stack, workDir: this.workDir });
    } catch (error) {
      throw explain(error, `selecting stack ${stack}`);
    }
  }

  async preview(request: PreviewRequest): Promise<void> {
    const stack = await this.select(request.stack);
    try {
      await stack.preview({
        policyPacks: [...request.policyPacks],
        policyPackConfigs: [...request.policyPackConfigs],
        plan: request.planPath,
        onEvent: (event) => request.onEvent(event as unknown as EngineEventJson),
      });
    } catch (error) {
      throw explain(error, "pulumi preview");
    }
  }

  async up(request: UpRequest): Promise<{ summary: Record<string, number> }> {
    const stack = await this.select(request.stack);
    try {
      const result = await stack.up({ plan: request.planPath, onEvent: (event) => request.onEvent(event as unknown as EngineEventJson) });
      return { summary: (result.summary.resourceChanges ?? {}) as Record<string, number> };
    } catch (error) {
      throw explain(error, "pulumi up --plan");
    }
  }
}
