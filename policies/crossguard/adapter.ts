import type {
  PolicyResource as CrossGuardResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { todayUtc, runRule } from "../evaluate";
import { ResourceGraph } from "../graph";
import { isUndecided, PolicyResource, STACK_KINDS, StackKind } from "../model";
import { ResourceRule, Rule, RuleContext, StackRule } from "../rule";
import { hasUnknownSentinel, policyProps, unwrapProxy } from "./unknowns";

/** Per-policy config the pack accepts (`--policy-pack-config`): which kind of stack is being previewed. */
export interface IcnaPolicyConfig {
  readonly stackKind?: StackKind;
}

/** Without config the pack assumes prod: the strictest reading, so a forgotten config never loosens a check. */
export const DEFAULT_STACK_KIND: StackKind = "prod";

export const CONFIG_SCHEMA = {
  properties: { stackKind: { type: "string" as const, enum: [...STACK_KINDS], default: DEFAULT_STACK_KIND } },
};

function contextFrom(config: IcnaPolicyConfig, graph: ResourceGraph): RuleContext {
  const kind = config.stackKind && (STACK_KINDS as readonly string[]).includes(config.stackKind) ? config.stackKind : DEFAULT_STACK_KIND;
  return { stack: { name: kind, kind }, today: todayUtc(), graph };
}

/** A resource under resource validation, as the rules see it, with its provider (for default tags). */
export function resourceFromValidationArgs(args: Pick<ResourceValidationArgs, "type" | "name" | "urn" | "props" | "opts" | "provider">): { resource: PolicyResource; provider?: PolicyResource } {
  const provider = args.provider ? { type: args.provider.type, name: args.provider.name, urn: args.provider.urn, props: policyProps(args.provider.props) } : undefined;
  const resource: PolicyResource = {
    type: args.type,
    name: args.name,
    urn: args.urn,
    props: policyProps(args.props),
    protect: args.opts?.protect,
    parent: args.opts?.parent,
    provider: provider?.urn,
  };
  return { resource, provider };
}

/** The stack's resources as the rules see them: URNs for parents, dependencies, providers; providers included. */
export function resourcesFromStackArgs(resources: readonly CrossGuardResource[]): PolicyResource[] {
  const converted: PolicyResource[] = resources.map((r) => ({
    type: r.type,
    name: r.name,
    urn: r.urn,
    props: policyProps(r.props),
    protect: r.opts?.protect,
    parent: r.parent?.urn ?? r.opts?.parent,
    dependencies: (r.dependencies ?? []).map((d) => d.urn),
    propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([key, deps]) => [key, deps.map((d) => d.urn)])),
    provider: r.provider?.urn,
  }));
  const known = new Set(converted.map((r) => r.urn));
  for (const r of resources) {
    if (r.provider && !known.has(r.provider.urn)) {
      known.add(r.provider.urn);
      converted.push({ type: r.provider.type, name: r.provider.name, urn: r.provider.urn, props: policyProps(r.provider.props) });
    }
  }
  return converted;
}

/** CrossGuard resource validation running one rule. */
export function validateResourceWith(rule: ResourceRule) {
  return (args: ResourceValidationArgs, reportViolation: ReportViolation): void => {
    if (!rule.resourceTypes.includes(args.type)) args.notApplicable(`applies to ${rule.resourceTypes.join(", ")}`);
    if (rule.offlineOnly) args.notApplicable(rule.offlineOnly);
    const { resource, provider } = resourceFromValidationArgs(args);
    const graph = new ResourceGraph(provider ? [resource, provider] : [resource]);
    const result = runRule(rule, resource, contextFrom(args.getConfig<IcnaPolicyConfig>(), graph));
    if (result === "not-applicable") args.notApplicable();
    for (const finding of result) if (!isUndecided(finding)) reportViolation(finding.message);
  };
}

/** CrossGuard stack validation running one rule. */
export function validateStackWith(rule: StackRule) {
  return (args: StackValidationArgs, reportViolation: ReportViolation): void => {
    if (rule.offlineOnly) args.notApplicable(rule.offlineOnly);
    const resources = resourcesFromStackArgs(args.resources);
    const graph = new ResourceGraph(resources);
    const result = runRule(rule, resources, contextFrom(args.getConfig<IcnaPolicyConfig>(), graph));
    if (result === "not-applicable") args.notApplicable();
    for (const finding of result) if (!isUndecided(finding)) reportViolation(finding.message, finding.resource?.urn);
  };
}

/** CrossGuard remediation for a rule with a safe in-place fix; inputs with computed values are left alone. */
export function remediateWith(rule: ResourceRule) {
  return (args: Pick<ResourceValidationArgs, "type" | "props">): Record<string, unknown> | undefined => {
    if (!rule.fix || !rule.resourceTypes.includes(args.type)) return undefined;
    const raw = unwrapProxy(args.props) as Record<string, unknown>;
    if (hasUnknownSentinel(raw)) return undefined;
    return rule.fix(raw);
  };
}

/** The pack's policies: one CrossGuard policy per rule, enforcement defaulting to the prod level. */
export function crossGuardPolicies(rules: readonly Rule[]): (ResourceValidationPolicy | StackValidationPolicy)[] {
  return rules.map((rule) => {
    const common = {
      name: rule.name,
      description: rule.description,
      enforcementLevel: rule.enforcement[DEFAULT_STACK_KIND],
      severity: rule.severity,
      remediationSteps: rule.remediation,
      tags: [rule.area, ...rule.checkov],
      configSchema: CONFIG_SCHEMA,
    };
    if (rule.scope === "stack") return { ...common, validateStack: validateStackWith(rule) };
    return { ...common, validateResource: validateResourceWith(rule), ...(rule.fix ? { remediateResource: remediateWith(rule) } : {}) };
  });
}
