import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { pulumiStep } from "../../pulumi-engine-error";
import type { ConfigEdit, ResourceOperation, StackUpdater, StackUpdateResult } from "./ports";

/**
 * `pulumi up` through the Automation API: selects the stack in the project directory, writes the config
 * edits as typed values (`pulumi config set-all --json` semantics, so objects stay objects in
 * Pulumi.<stack>.yaml), then runs a non-interactive update. Idempotent: the same edits on an updated stack
 * change nothing. Every resource operation other than `same` is collected from the engine's events
 * (`resOutputsEvent` per finished step, `resOpFailedEvent` per failed one). Not run here (no Pulumi CLI in this environment).
 */
export class AutomationApiStackUpdater implements StackUpdater {
  constructor(
    private readonly workDir: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  async update(stackName: string, edits: readonly ConfigEdit[]): Promise<StackUpdateResult> {
    const stack = await pulumiStep(`selecting stack ${stackName}`, () => LocalWorkspace.selectStack({ stackName, workDir: this.workDir }));
    const set = Object.fromEntries(
      edits
        .filter((e) => e.value !== undefined)
        .map((e) => [
          e.key,
          typeof e.value === "string"
            ? { value: e.value, secret: false }
            : { value: JSON.stringify(e.value), objectValue: e.value, secret: false },
        ]),
    );
    if (Object.keys(set).length > 0) await pulumiStep(`pulumi config set-all on ${stackName}`, () => stack.setAllConfigJson(JSON.stringify(set)));
    for (const edit of edits.filter((e) => e.value === undefined)) await pulumiStep(`pulumi config rm ${edit.key} on ${stackName}`, () => stack.removeConfig(edit.key));
    const operations: ResourceOperation[] = [];
    const result = await pulumiStep(`pulumi up of ${stackName}`, () => stack.up({
      onOutput: (out) => this.log(out.trimEnd()),
      onEvent: (event) => {
        const step = event.resOutputsEvent?.metadata ?? event.resOpFailedEvent?.metadata;
        if (step && step.op !== "same") operations.push({ urn: step.urn, type: step.type, op: step.op });
      },
      color: "never",
    }));
    return { changes: { ...(result.summary.resourceChanges ?? {}) }, operations };
  }
}
