import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** A security group whose members may reach a data service, such as one EKS cluster's cluster security group. */
export interface ClientSecurityGroup {
  /** Stable short name (`blue`, `green`): names the ingress rules, so adding or removing one client never touches another's rule. */
  readonly name: string;
  readonly securityGroupId: pulumi.Input<string>;
}

/** A TCP port range a service listens on. */
export interface ServicePort {
  readonly from: number;
  readonly to: number;
  readonly description: string;
}

export interface ServiceSecurityGroupArgs {
  readonly vpcId: pulumi.Input<string>;
  /** Physical name of the group. */
  readonly groupName: string;
  readonly description: string;
  readonly clients: readonly ClientSecurityGroup[];
  readonly ports: readonly ServicePort[];
  readonly tags: Record<string, string>;
}

const CLIENT_NAME = /^[a-z][a-z0-9-]{0,30}$/;

/** Problems with a client list, in words a caller can act on; empty when it is usable. */
export function clientListProblems(clients: readonly ClientSecurityGroup[]): string[] {
  const problems = clients.filter((c) => !CLIENT_NAME.test(c.name)).map((c) => `client name "${c.name}" must be lower-case letters, digits and hyphens (at most 31)`);
  const names = clients.map((c) => c.name);
  const duplicates = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (duplicates.length > 0) problems.push(`client names must be unique; repeated: ${duplicates.join(", ")}`);
  return problems;
}

/**
 * A security group that admits exactly the listed client groups on the listed ports and nothing else:
 * no CIDR sources, no egress (data services answer connections, they never open any).
 */
export function createServiceSecurityGroup(name: string, args: ServiceSecurityGroupArgs, opts: pulumi.CustomResourceOptions): aws.ec2.SecurityGroup {
  const problems = clientListProblems(args.clients);
  if (problems.length > 0) throw new Error(`${name}: ${problems.join("; ")}`);
  const group = new aws.ec2.SecurityGroup(
    name,
    { name: args.groupName, description: args.description, vpcId: args.vpcId, egress: [], tags: { ...args.tags, Name: args.groupName } },
    opts,
  );
  for (const client of args.clients) {
    for (const port of args.ports) {
      const suffix = port.from === port.to ? `${port.from}` : `${port.from}-${port.to}`;
      new aws.vpc.SecurityGroupIngressRule(
        `${name}-from-${client.name}-${suffix}`,
        {
          securityGroupId: group.id,
          referencedSecurityGroupId: client.securityGroupId,
          ipProtocol: "tcp",
          fromPort: port.from,
          toPort: port.to,
          description: `${port.description} from ${client.name}`,
          tags: args.tags,
        },
        opts,
      );
    }
  }
  return group;
}
