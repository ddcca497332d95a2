import { Finding, RiskCategory } from "./finding";
import { RiskContext } from "./risk-context";

/** A deterministic risk rule: a pure function of the change set. */
export interface RiskRule {
  /** Stable slug, part of every finding id it produces. */
  readonly id: string;
  readonly category: RiskCategory;
  /** One sentence: what the rule looks for. */
  readonly description: string;
  evaluate(context: RiskContext): Finding[];
}
