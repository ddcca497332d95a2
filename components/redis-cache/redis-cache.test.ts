import { OfflinePlan, PlanResource, SECRET } from "../../review/plan/model";
import { OfflinePreviewMocks } from "../../review/plan/offline-mocks";
import { childOfType, ingressRulesOf, planComponents } from "../../testing/component-plan";
import { named } from "../../testing/plan-queries";
import { nodeZones, redisParameterFamily } from "./engine";
import { RedisCache, RedisCacheArgs } from "./redis-cache";

const GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const ZONES = ["us-east-1a", "us-east-1b", "us-east-1c"];
const args = (overrides: Partial<RedisCacheArgs> = {}): RedisCacheArgs => ({
  namePrefix: "icna-prod",
  vpcId: "vpc-0123456789abcdef0",
  subnetIds: ["subnet-iso-a", "subnet-iso-b", "subnet-iso-c"],
  availabilityZones: ZONES,
  clients: [
    { name: "blue", securityGroupId: "sg-0b1e0000000000001" },
    { name: "green", securityGroupId: "sg-0a2e0000000000002" },
  ],
  nodeType: "cache.r7g.large",
  engineVersion: "7.1",
  replicas: 2,
  snapshotRetentionDays: 7,
  evictionPolicy: "volatile-lru",
  isProduction: true,
  tags: { owner: "platform-team" },
  ...overrides,
});

/** What the random provider would generate; the mocks hand it out so the test can look for it everywhere. */
const CANARY_TOKEN = "canary-token-Zq7xK2mW9pL4vR8nT1yB6cD3fG5hJ0sA";

let prod: OfflinePlan;
let group: PlanResource;
beforeAll(async () => {
  const newResource = OfflinePreviewMocks.prototype.newResource;
  jest.spyOn(OfflinePreviewMocks.prototype, "newResource").mockImplementation(function (this: OfflinePreviewMocks, resource) {
    const created = newResource.call(this, resource);
    return resource.type === "random:index/randomPassword:RandomPassword" ? { ...created, state: { ...created.state, result: CANARY_TOKEN } } : created;
  });
  prod = await planComponents("prod", () => new RedisCache("cache", args()));
  group = named(prod, GROUP, "cache-group");
});

describe("RedisCache in production", () => {
  it("runs a primary and two replicas in three zones with automatic failover and Multi-AZ", () => {
    expect(group.inputs).toMatchObject({ engine: "redis", engineVersion: "7.1", nodeType: "cache.r7g.large", numCacheClusters: 3, automaticFailoverEnabled: true, multiAzEnabled: true, port: 6379 });
    expect(group.inputs.preferredCacheClusterAzs).toEqual(ZONES);
  });

  it("encrypts at rest with its customer-managed key and requires TLS in transit", () => {
    const key = named(prod, "aws:kms/key:Key", "cache-key");
    expect(group.inputs).toMatchObject({ atRestEncryptionEnabled: true, transitEncryptionEnabled: true, transitEncryptionMode: "required" });
    expect(group.dependencies).toContain(key.urn);
  });

  it("authenticates with a generated token that is only ever a secret, stored in Secrets Manager under the same key", () => {
    expect(group.inputs.authToken).toBe(SECRET);
    expect(group.additionalSecretOutputs).toContain("authToken");
    const token = named(prod, "random:index/randomPassword:RandomPassword", "cache-auth-token");
    expect(token.inputs).toMatchObject({ length: 64, special: true, overrideSpecial: "!&#$^<>-" });
    const secret = named(prod, "aws:secretsmanager/secret:Secret", "cache-auth");
    expect(secret.inputs).toMatchObject({ name: "icna-prod-redis/auth-token", recoveryWindowInDays: 30 });
    expect(secret.dependencies).toContain(named(prod, "aws:kms/key:Key", "cache-key").urn);
    const version = named(prod, "aws:secretsmanager/secretVersion:SecretVersion", "cache-auth");
    expect(version.inputs.secretString).toBe(SECRET);
    expect(version.dependencies).toEqual(expect.arrayContaining([secret.urn, token.urn]));
    expect(JSON.stringify(prod)).not.toContain(CANARY_TOKEN);
  });

  it("keeps snapshots, takes a final one, ships the slow log, and is protected", () => {
    expect(group.inputs).toMatchObject({ snapshotRetentionLimit: 7, finalSnapshotIdentifier: "icna-prod-redis-final", applyImmediately: false });
    expect(group.inputs.logDeliveryConfigurations).toEqual([{ destination: "/aws/elasticache/icna-prod-redis/slow-log", destinationType: "cloudwatch-logs", logFormat: "json", logType: "slow-log" }]);
    expect(group.protect).toBe(true);
  });

  it("uses its own parameter group of the engine's family", () => {
    const params = named(prod, "aws:elasticache/parameterGroup:ParameterGroup", "cache-params-redis7");
    expect(params.inputs).toMatchObject({ family: "redis7", name: "icna-prod-redis-redis7", parameters: [{ name: "maxmemory-policy", value: "volatile-lru" }, { name: "slowlog-log-slower-than", value: "10000" }] });
    expect(group.dependencies).toContain(params.urn);
  });

  it("admits only the clusters on 6379", () => {
    const sg = childOfType(prod, named(prod, "icna:components:RedisCache", "cache"), "aws:ec2/securityGroup:SecurityGroup");
    expect(sg.inputs.egress).toEqual([]);
    const rules = ingressRulesOf(prod, sg).map((r) => [r.inputs.referencedSecurityGroupId, r.inputs.fromPort, r.inputs.toPort, r.inputs.cidrIpv4 ?? null]);
    expect(rules).toEqual([
      ["sg-0b1e0000000000001", 6379, 6379, null],
      ["sg-0a2e0000000000002", 6379, 6379, null],
    ]);
    expect(named(prod, "aws:elasticache/subnetGroup:SubnetGroup", "cache-subnets").inputs.subnetIds).toEqual(["subnet-iso-a", "subnet-iso-b", "subnet-iso-c"]);
  });
});

describe("RedisCache in dev", () => {
  it("is a single node without failover, unprotected, applying changes at once", async () => {
    const dev = await planComponents("dev", () => new RedisCache("cache", args({ namePrefix: "icna-dev", isProduction: false, replicas: 0, snapshotRetentionDays: 1, nodeType: "cache.t4g.small" })));
    const devGroup = named(dev, GROUP, "cache-group");
    expect(devGroup.inputs).toMatchObject({ numCacheClusters: 1, automaticFailoverEnabled: false, multiAzEnabled: false, applyImmediately: true, atRestEncryptionEnabled: true, transitEncryptionEnabled: true });
    expect(devGroup.inputs.finalSnapshotIdentifier).toBeUndefined();
    expect(devGroup.protect).toBe(false);
  });
});

describe("Redis placement and engine", () => {
  it("spreads nodes round-robin over zones, primary first", () => {
    expect(nodeZones(["a", "b"], 3)).toEqual(["a", "b", "a"]);
    expect(nodeZones(["a", "b", "c"], 1)).toEqual(["a"]);
    expect(() => nodeZones([], 1)).toThrow("a cache needs at least one availability zone");
  });

  it("maps 7.x versions to the redis7 family", () => {
    expect(redisParameterFamily("7.0")).toBe("redis7");
    expect(redisParameterFamily("7.1")).toBe("redis7");
  });

  it("refuses a group id longer than ElastiCache allows and mismatched subnets and zones", () => {
    expect(() => new RedisCache("bad", args({ namePrefix: "icna-a-very-long-stack-name-indeed-x", subnetIds: ["subnet-iso-a"] }))).toThrow(
      "RedisCache bad: replication group id icna-a-very-long-stack-name-indeed-x-redis is longer than ElastiCache's 40 characters: use a shorter stack name; 1 subnets for 3 availability zones: pass one subnet per zone",
    );
  });
});
