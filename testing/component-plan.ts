import { OfflinePlan, PlanResource } from "../review/plan/model";
import { runOfflinePreview } from "../review/plan/offline-preview";
import { ofType } from "./plan-queries";

/** Plans a program that builds components directly (no stack config), offline, in preview mode. */
export async function planComponents(stack: string, build: () => void): Promise<OfflinePlan> {
  return runOfflinePreview({
    project: "icna",
    stack,
    config: { "aws:region": "us-east-1" },
    program: async () => {
      build();
    },
  });
}

/** The ingress rules that attach to the security group with this URN. */
export function ingressRulesOf(plan: OfflinePlan, securityGroup: PlanResource): PlanResource[] {
  return ofType(plan, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((rule) => rule.dependencies.includes(securityGroup.urn));
}

/** The single resource of a type whose parent chain includes `ancestor`. */
export function childOfType(plan: OfflinePlan, ancestor: PlanResource, type: string): PlanResource {
  const within = (r: PlanResource): boolean => r.parent === ancestor.urn || (r.parent !== undefined && plan.resources.some((p) => p.urn === r.parent && within(p)));
  const found = ofType(plan, type).filter(within);
  if (found.length !== 1) throw new Error(`expected one ${type} under ${ancestor.name}, found ${found.length}`);
  return found[0];
}
