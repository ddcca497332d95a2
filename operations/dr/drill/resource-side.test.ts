import { operationsOutsideClusters } from "./drill-impact";
import { resourceSide, typeChainOfUrn } from "./resource-side";

const urn = (qualifiedType: string, name: string) => `urn:pulumi:dr::icna::${qualifiedType}::${name}`;

describe("resourceSide", () => {
  it.each([
    // What a real `pulumi up` of dr reports: the AWS children of the remote eks components carry the full chain.
    [
      "icna:components:BlueGreenClusters$icna:components:EksCluster$eks:index:ManagedNodeGroup$aws:eks/nodeGroup:NodeGroup",
      "cluster",
    ],
    [
      "icna:components:BlueGreenClusters$icna:components:EksCluster$eks:index:Cluster$aws:eks/cluster:Cluster",
      "cluster",
    ],
    ["icna:components:BlueGreenClusters$icna:components:EksCluster$aws:eks/addon:Addon", "cluster"],
    [
      "icna:components:BlueGreenClusters$icna:components:EksCluster$icna:components:AutoscalingStack$kubernetes:helm.sh/v3:Release",
      "cluster",
    ],
    ["icna:components:DataTier$icna:components:AppAccess$kubernetes:core/v1:ConfigMap", "cluster"],
    ["icna:components:DataTier$icna:components:PostgresDatabase$aws:rds/instance:Instance", "data"],
    [
      "icna:components:DataTier$icna:components:KafkaCluster$aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      "data",
    ],
    ["icna:components:DataTier$icna:components:AppAccess$aws:iam/role:Role", "data"],
    ["aws:elasticache/replicationGroup:ReplicationGroup", "data"],
    ["icna:components:BlueGreenClusters$aws:route53/record:Record", "other"],
    ["icna:components:Network$aws:ec2/natGateway:NatGateway", "other"],
  ])("%s is %s-side", (qualifiedType, side) => {
    expect(resourceSide(typeChainOfUrn(urn(qualifiedType, "x")))).toBe(side);
  });

  it("keeps only the operations outside the clusters, ignoring same and read", () => {
    const ops = [
      {
        urn: urn("icna:components:EksCluster$eks:index:ManagedNodeGroup", "icna-dr-blue-workload"),
        type: "eks:index:ManagedNodeGroup",
        op: "update",
      },
      {
        urn: urn("icna:components:PostgresDatabase$aws:rds/instance:Instance", "icna-dr-postgres-instance"),
        type: "aws:rds/instance:Instance",
        op: "same",
      },
      {
        urn: urn("icna:components:PostgresDatabase$aws:rds/instance:Instance", "icna-dr-postgres-instance"),
        type: "aws:rds/instance:Instance",
        op: "update",
      },
    ];
    expect(operationsOutsideClusters(ops)).toEqual([ops[2]]);
  });

  it("refuses a string that is not a URN", () => {
    expect(() => typeChainOfUrn("icna-dr-blue")).toThrow(/is not a Pulumi URN/);
  });
});
