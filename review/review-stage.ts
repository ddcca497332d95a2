import { OfflinePlan } from "./plan/model";
import { StackConfig } from "../stacks/config/stack-config";

/** What every reviewer sees: the stack, its validated config and its offline plan. */
export interface ReviewContext {
  readonly stack: string;
  readonly config: StackConfig;
  readonly plan: OfflinePlan;
}

/** One reviewer's contribution to the report, in each output format. */
export interface ReviewSection {
  /** Key of this section in `icna review --json`. */
  readonly id: string;
  readonly title: string;
  readonly terminal: string;
  readonly markdown: string;
  readonly json: unknown;
}

/** A step of the review pipeline (resources, policies, risks, cost, …). */
export interface ReviewStage {
  readonly id: string;
  run(context: ReviewContext): Promise<ReviewSection>;
}
