import { PlannedStack, planStack } from "../../../review/plan/stack-plan";
import { comparePlans } from "./compare-plans";
import {
  INTENDED_DIFFERENCES,
  IntendedDifferenceRule,
  NORMALISATIONS,
  ParityContext,
  ParitySide,
} from "./intended-differences";
import type { AcceptedDifference, ParityFinding, ParityReport, PolicyComparison } from "./model";
import { normaliseResource, normaliserFor, NormalisedResource } from "./normalise";
import { comparePolicies, PolicyEvaluator, PolicyStackKind } from "./policy-parity";
import { findPrimaryReferences } from "./primary-references";

export interface ParityOptions {
  /** Intended-difference rules. @default INTENDED_DIFFERENCES */
  readonly rules?: readonly IntendedDifferenceRule[];
  /** The policy engine; without one the policy comparison is skipped and the report says so. */
  readonly policyEvaluator?: PolicyEvaluator;
  /** ISO date for date-dependent policies. @default today (UTC) */
  readonly today?: string;
}

function side(stack: PlannedStack): ParitySide {
  const normaliser = normaliserFor(stack.config);
  const resources = new Map<string, NormalisedResource>();
  for (const resource of stack.plan.resources) {
    const normalised = normaliseResource(resource, normaliser);
    resources.set(normalised.key, normalised);
  }
  return { config: stack.config, plan: stack.plan, resources };
}

/** Kubernetes versions of colours the DR plan cannot show (disabled there): enabling them at failover must not skew. */
function disabledColourVersions(context: ParityContext): ParityFinding[] {
  return Object.entries(context.dr.config.clusters).flatMap(([colour, cluster]) => {
    const primary = context.primary.config.clusters[colour as keyof typeof context.primary.config.clusters];
    if (cluster.enabled || !primary || primary.kubernetesVersion === cluster.kubernetesVersion) return [];
    return [
      {
        kind: "version-skew" as const,
        resourceType: "eks:index:Cluster",
        resourceName: `icna-{stack}-${colour}`,
        path: `icna:clusters.${colour}.kubernetesVersion`,
        primary: primary.kubernetesVersion,
        dr: cluster.kubernetesVersion,
        message: `the ${colour} cluster (disabled in DR) would be created with Kubernetes ${cluster.kubernetesVersion}, the primary runs ${primary.kubernetesVersion}`,
      },
    ];
  });
}

/** The primary's `icna:dr.region` must be where the DR stack runs, or backups replicate to the wrong place. */
function pairing(context: ParityContext): ParityFinding[] {
  const declared = context.primary.config.dr?.region;
  if (declared === context.dr.config.region) return [];
  return [
    {
      kind: "input-difference",
      resourceType: "pulumi:pulumi:Stack",
      resourceName: "icna-{stack}",
      path: "icna:dr.region",
      ...(declared ? { primary: declared } : {}),
      dr: context.dr.config.region,
      message: declared
        ? `the primary declares DR region ${declared} but the DR stack runs in ${context.dr.config.region}: set icna:dr.region to ${context.dr.config.region} in the primary`
        : `the primary has no icna:dr section, so nothing (backup replication) targets the DR region: set icna:dr.region: ${context.dr.config.region}`,
    },
  ];
}

const policyKind = (environment: string): PolicyStackKind =>
  environment === "prod" || environment === "dr" ? environment : "dev";

/** Compares a primary stack's offline plan with its DR stack's and sorts every difference into intended and unintended. */
export function checkParity(primary: PlannedStack, dr: PlannedStack, options: ParityOptions = {}): ParityReport {
  const rules = options.rules ?? INTENDED_DIFFERENCES;
  const context: ParityContext = { primary: side(primary), dr: side(dr) };
  const findings = [
    ...comparePlans(context.primary.resources, context.dr.resources),
    ...pairing(context),
    ...disabledColourVersions(context),
    ...findPrimaryReferences(dr.plan.resources, primary.config.region, normaliserFor(dr.config)),
  ];
  let policies: PolicyComparison = { ran: false, reason: "no policy engine was given to compare policy results" };
  if (options.policyEvaluator) {
    const result = comparePolicies(
      options.policyEvaluator,
      { plan: primary.plan, kind: policyKind(primary.config.environment), normaliser: normaliserFor(primary.config) },
      { plan: dr.plan, kind: policyKind(dr.config.environment), normaliser: normaliserFor(dr.config) },
      options.today ?? new Date().toISOString().slice(0, 10),
    );
    findings.push(...result.findings);
    policies = { ran: true, rulesEvaluated: result.rulesEvaluated };
  }
  const intended: AcceptedDifference[] = [];
  const unintended: ParityFinding[] = [];
  for (const finding of findings) {
    const rule = rules.find((r) => r.accepts(finding, context));
    if (rule) intended.push({ finding, rule: rule.id });
    else unintended.push(finding);
  }
  return {
    from: primary.plan.stack,
    to: dr.plan.stack,
    primaryRegion: primary.config.region,
    drRegion: dr.config.region,
    resourceCount: { primary: primary.plan.resources.length, dr: dr.plan.resources.length },
    rules: [...NORMALISATIONS, ...rules].map(({ id, reason }) => ({ id, reason })),
    unintended,
    intended,
    policies,
    ok: unintended.length === 0,
  };
}

/** Plans both stacks offline (sequentially: the SDK's mocks are process-wide) and compares them. */
export async function checkStackParity(from: string, to: string, options: ParityOptions = {}): Promise<ParityReport> {
  const primary = await planStack(from);
  const dr = await planStack(to);
  return checkParity(primary, dr, options);
}
