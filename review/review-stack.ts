import { planStack } from "./plan/stack-plan";
import { ReviewContext, ReviewSection, ReviewStage } from "./review-stage";
import { resourcesStage } from "./stages/resources-stage";

/** The stages `icna review --stack` runs, in report order. */
export const DEFAULT_STAGES: readonly ReviewStage[] = [resourcesStage];

export interface StackReview {
  readonly context: ReviewContext;
  readonly sections: ReviewSection[];
}

/** Plans a stack offline and runs every review stage over the plan. */
export async function reviewStack(stack: string, stages: readonly ReviewStage[] = DEFAULT_STAGES): Promise<StackReview> {
  const { config, plan } = await planStack(stack);
  const context: ReviewContext = { stack, config, plan };
  const sections: ReviewSection[] = [];
  for (const stage of stages) sections.push(await stage.run(context));
  return { context, sections };
}
