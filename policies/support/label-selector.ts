import { isUnknown, list, Props, record, str } from "../values";

/** Whether a Kubernetes label selector matches a label set: "yes", "no", or "unknown" while values are computed. */
export type Match = "yes" | "no" | "unknown";

function combine(results: Match[]): Match {
  if (results.includes("no")) return "no";
  return results.includes("unknown") ? "unknown" : "yes";
}

/**
 * Evaluates matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist). A missing selector
 * selects nothing; an empty one selects every pod (policy/v1 PodDisruptionBudget semantics).
 */
export function selectorMatches(selector: Props | undefined, labels: Props): Match {
  if (!selector) return "no";
  const results: Match[] = [];
  const matchLabels = record(selector, "matchLabels") ?? {};
  for (const [key, expected] of Object.entries(matchLabels)) {
    const actual = labels[key];
    if (isUnknown(expected) || isUnknown(actual)) results.push("unknown");
    else results.push(actual === expected ? "yes" : "no");
  }
  for (const expression of list(selector, "matchExpressions") ?? []) {
    const key = str(expression, "key") ?? "";
    const operator = str(expression, "operator") ?? "";
    const values = (list(expression, "values") ?? []) as unknown[];
    const actual = labels[key];
    if (isUnknown(actual) || values.some(isUnknown)) {
      results.push("unknown");
      continue;
    }
    const present = actual !== undefined;
    switch (operator) {
      case "In":
        results.push(present && values.includes(actual) ? "yes" : "no");
        break;
      case "NotIn":
        results.push(!present || !values.includes(actual) ? "yes" : "no");
        break;
      case "Exists":
        results.push(present ? "yes" : "no");
        break;
      case "DoesNotExist":
        results.push(present ? "no" : "yes");
        break;
      default:
        results.push("no");
    }
  }
  return combine(results);
}
