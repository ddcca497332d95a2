import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { pulumiEngineError as explain } from "../pulumi-engine-error";
import { DeployEngine, EngineEventJson, PreviewRequest, UpRequest } from "./deploy-engine";

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
