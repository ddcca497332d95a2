import { StackKind } from "../model";
import { Rule } from "../rule";

/** `--policy-pack-config` for one stack kind: every rule's level and the kind itself. */
export function packConfig(rules: readonly Rule[], kind: StackKind): Record<string, { enforcementLevel: string; stackKind: StackKind }> {
  return Object.fromEntries(rules.map((rule) => [rule.name, { enforcementLevel: rule.enforcement[kind], stackKind: kind }]));
}
