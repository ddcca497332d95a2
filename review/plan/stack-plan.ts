import { loadStackConfig } from "../../stacks/config/load";
import { readStackSettings } from "../../stacks/config/stack-file";
import { StackConfig } from "../../stacks/config/stack-config";
import { PROJECT_DIR } from "../../stacks/config/project-dir";
import main from "../../stacks/index";
import { OfflinePlan } from "./model";
import { runOfflinePreview } from "./offline-preview";

export { PROJECT_DIR };
export const PROJECT_NAME = "icna";

/** A stack's validated config and its offline plan. */
export interface PlannedStack {
  readonly config: StackConfig;
  readonly plan: OfflinePlan;
}

/**
 * Plans a stack offline: reads Pulumi.<stack>.yaml, validates it (a ConfigError lists every problem before
 * anything is registered), then runs the real program under the SDK's mocks in preview mode.
 */
export async function planStack(stack: string, projectDir: string = PROJECT_DIR): Promise<PlannedStack> {
  const settings = readStackSettings(projectDir, stack);
  return planFromSettings(stack, settings.values, settings.secretKeys);
}

/** Plans a stack from flat Pulumi config values (as `pulumi config` would hold them). */
export async function planFromSettings(stack: string, values: Record<string, string>, secretKeys: string[] = []): Promise<PlannedStack> {
  const config = loadStackConfig(stack, values);
  const plan = await runOfflinePreview({
    project: PROJECT_NAME,
    stack,
    config: values,
    secretKeys,
    program: async () => ({ ...(await main()) }),
  });
  return { config, plan };
}
