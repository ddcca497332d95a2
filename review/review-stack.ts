import { planStack } from "../plan/stack-plan";
import { ReviewContext, ReviewSection, ReviewStage, Verdict } from "./review-stage";
import { resourcesStage } from "./stages/resources-stage";

/** The stages `icna review --stack` runs, in report order. */
export const DEFAULT_STAGES: readonly ReviewStage[] = [resourcesStage];

export interface StackReview {
  readonly context: ReviewContext;
  readonly sections: ReviewSection[];
  /** The worst verdict of any judging section; pass when none judges. */
  readonly verdict: Verdict;
}

const VERDICT_ORDER: Verdict[] = ["pass", "warn", "block"];

/** Plans a stack offline and runs every review stage over the plan. */
export async function reviewStack(stack: string, stages: readonly ReviewStage[] = DEFAULT_STAGES): Promise<StackReview> {
  const { config, plan } = await planStack(stack);
  const context: ReviewContext = { stack, config, plan };
  const sections: ReviewSection[] = [];
  for (const stage of stages) sections.push(await stage.run(context));
  const verdict = sections.reduce<Verdict>((worst, s) => (s.verdict && VERDICT_ORDER.indexOf(s.verdict) > VERDICT_ORDER.indexOf(worst) ? s.verdict : worst), "pass");
  return { context, sections, verdict };
}
