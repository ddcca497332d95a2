import type { Colour } from "../../runtime/prometheus/colour-query";
import { assertRoutable, type TrafficState, type TrafficSwitcher, type Weights } from "./traffic-switcher";
import { pulumiStep } from "../pulumi-engine-error";

/** The Pulumi type token of a Route 53 record. */
export const ROUTE53_RECORD_TYPE = "aws:route53/record:Record";

/** A resource in an exported stack state (the fields this switcher reads). */
export interface StateResource {
  readonly urn: string;
  readonly type: string;
  readonly inputs?: { readonly weightedRoutingPolicies?: unknown; readonly [key: string]: unknown };
}

/** What a traffic change does to the stack: config writes, then an `up` limited to the weighted records. */
export interface TrafficUpdatePlan {
  /** Path-style config writes (`pulumi config set --path`). */
  readonly config: ReadonlyArray<{ readonly key: string; readonly value: string }>;
  /** URNs passed to `up --target`; dependents are not updated. */
  readonly targets: readonly string[];
}

/** The weighted Route 53 records of a stack, from its exported state. */
function weightedRecordUrns(resources: readonly StateResource[]): string[] {
  return resources
    .filter((r) => r.type === ROUTE53_RECORD_TYPE && Array.isArray(r.inputs?.weightedRoutingPolicies) && r.inputs.weightedRoutingPolicies.length > 0)
    .map((r) => r.urn);
}

/** Plans a traffic change: pure, so the exact Pulumi operations are testable without the CLI. */
export function planTrafficUpdate(resources: readonly StateResource[], weights: Weights, live?: Colour): TrafficUpdatePlan {
  assertRoutable(weights);
  const targets = weightedRecordUrns(resources);
  if (targets.length === 0) throw new Error(`the stack has no weighted ${ROUTE53_RECORD_TYPE} resources: deploy the blue/green traffic records first`);
  const config = [
    { key: "icna:traffic.weights.blue", value: String(weights.blue) },
    { key: "icna:traffic.weights.green", value: String(weights.green) },
    ...(live ? [{ key: "icna:traffic.live", value: live }] : []),
  ];
  return { config, targets };
}

/** Parses the stack's `icna:traffic` config object. */
function parseTrafficConfig(raw: string): TrafficState {
  const parsed = JSON.parse(raw) as { weights?: { blue?: unknown; green?: unknown }; live?: unknown };
  const blue = Number(parsed.weights?.blue);
  const green = Number(parsed.weights?.green);
  if (!Number.isFinite(blue) || !Number.isFinite(green)) throw new Error("icna:traffic.weights must have numeric blue and green weights");
  if (parsed.live !== "blue" && parsed.live !== "green") throw new Error(`icna:traffic.live must be blue or green, got ${String(parsed.live)}`);
  return { weights: { blue, green }, live: parsed.live };
}

/** The slice of the Automation API's Stack this switcher uses (so tests can record the calls). */
export interface AutomationStack {
  getConfig(key: string, path?: boolean): Promise<{ value: string }>;
  setConfig(key: string, value: { value: string }, path?: boolean): Promise<void>;
  exportStack(): Promise<{ deployment: { resources?: StateResource[] } }>;
  up(opts: { target: string[]; targetDependents: boolean; onOutput?: (out: string) => void }): Promise<{ summary: { result: string } }>;
}

/**
 * Shifts traffic through the stack's own config and the Automation API: writes `icna:traffic.weights`
 * (and `icna:traffic.live`) into Pulumi.<stack>.yaml, then runs `up` targeted at the weighted records
 * only. Needs the Pulumi CLI and credentials for the stack's backend.
 */
export class PulumiTrafficSwitcher implements TrafficSwitcher {
  constructor(
    private readonly stack: AutomationStack,
    private readonly onOutput: (line: string) => void = () => undefined,
  ) {}

  /** Selects the stack in the project directory (LocalWorkspace) and returns a switcher for it. */
  static async select(stackName: string, workDir: string, onOutput?: (line: string) => void): Promise<PulumiTrafficSwitcher> {
    const { LocalWorkspace } = await import("@pulumi/pulumi/automation");
    const stack = await pulumiStep(`selecting stack ${stackName}`, () => LocalWorkspace.selectStack({ stackName, workDir }));
    return new PulumiTrafficSwitcher(stack, onOutput);
  }

  async read(): Promise<TrafficState> {
    const traffic = await pulumiStep("reading icna:traffic", () => this.stack.getConfig("icna:traffic"));
    return parseTrafficConfig(traffic.value);
  }

  async apply(weights: Weights, live?: Colour): Promise<void> {
    const state = await pulumiStep("pulumi stack export", () => this.stack.exportStack());
    const plan = planTrafficUpdate(state.deployment.resources ?? [], weights, live);
    for (const { key, value } of plan.config) await pulumiStep(`pulumi config set --path ${key}`, () => this.stack.setConfig(key, { value }, true));
    const result = await pulumiStep("pulumi up of the weighted records", () => this.stack.up({ target: [...plan.targets], targetDependents: false, onOutput: this.onOutput }));
    if (result.summary.result !== "succeeded") throw new Error(`pulumi up of the weighted records ended with "${result.summary.result}"`);
  }
}
