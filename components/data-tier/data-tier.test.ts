import { OfflinePlan, PlanResource, SECRET } from "../../review/plan/model";
import { OfflinePreviewMocks } from "../../review/plan/offline-mocks";
import { planFromSettings } from "../../review/plan/stack-plan";
import { renderMarkdown } from "../../review/report/render-markdown";
import { renderTerminal } from "../../review/report/render-terminal";
import { toReviewJson } from "../../review/report/review-json";
import { ReviewRun, runReview } from "../../review/run-review";
import { named, ofType } from "../../testing/plan-queries";
import { shippedSettings, withEdit } from "../../testing/stack-settings";

/** What the random provider would generate for the Redis token; the mocks hand it out so the test can look for it everywhere. */
const CANARY_TOKEN = "canary-Vb3Nq8Lr2Xe5Tm9Ka1Yc7Wd4Hf6Gs0Jp";

type ReviewJson = { resources: PlanResource[]; outputs: unknown };

let review: ReviewRun & { plan: OfflinePlan };
let json: ReviewJson;
beforeAll(async () => {
  const newResource = OfflinePreviewMocks.prototype.newResource;
  jest.spyOn(OfflinePreviewMocks.prototype, "newResource").mockImplementation(function (this: OfflinePreviewMocks, resource) {
    const created = newResource.call(this, resource);
    return resource.type === "random:index/randomPassword:RandomPassword" ? { ...created, state: { ...created.state, result: CANARY_TOKEN } } : created;
  });
  const run = await runReview({ from: "stack", stack: "prod" }, { llm: { enabled: false } });
  if (!run.plan) throw new Error("an offline review returns its plan");
  review = { ...run, plan: run.plan };
  json = JSON.parse(JSON.stringify(toReviewJson(review.review))) as ReviewJson;
});
afterAll(() => jest.restoreAllMocks());

const one = (type: string): PlanResource => {
  const found = json.resources.filter((r) => r.type === type);
  if (found.length !== 1) throw new Error(`expected one ${type} in the review, found ${found.length}`);
  return found[0];
};

describe("icna review --stack prod --json: the data tier", () => {
  it("has a TLS-only, IAM-authenticated MSK cluster encrypted with a CMK, protected", () => {
    const kafka = one("aws:msk/cluster:Cluster");
    expect(kafka.inputs).toMatchObject({ clientAuthentication: { sasl: { iam: true }, unauthenticated: false }, encryptionInfo: { encryptionInTransit: { clientBroker: "TLS", inCluster: true } } });
    expect(kafka.dependencies.some((urn) => urn.includes("aws:kms/key:Key::icna-prod-kafka-key"))).toBe(true);
    expect(kafka.protect).toBe(true);
  });

  it("has a Multi-AZ, private, CMK-encrypted PostgreSQL instance with RDS-managed credentials and deletion protection, protected", () => {
    const db = one("aws:rds/instance:Instance");
    expect(db.inputs).toMatchObject({ engine: "postgres", multiAz: true, publiclyAccessible: false, storageEncrypted: true, manageMasterUserPassword: true, iamDatabaseAuthenticationEnabled: true, deletionProtection: true, skipFinalSnapshot: false });
    expect(db.inputs.password).toBeUndefined();
    expect(db.dependencies.some((urn) => urn.includes("aws:kms/key:Key::icna-prod-postgres-key"))).toBe(true);
    expect(db.protect).toBe(true);
  });

  it("has a Multi-AZ Redis replication group with failover, encrypted at rest (CMK) and in transit, its token a secret, protected", () => {
    const redis = one("aws:elasticache/replicationGroup:ReplicationGroup");
    expect(redis.inputs).toMatchObject({ multiAzEnabled: true, automaticFailoverEnabled: true, atRestEncryptionEnabled: true, transitEncryptionEnabled: true, authToken: SECRET });
    expect(redis.dependencies.some((urn) => urn.includes("aws:kms/key:Key::icna-prod-redis-key"))).toBe(true);
    expect(redis.protect).toBe(true);
  });

  it("lets the data services' security groups admit the two clusters' security groups and nothing else", () => {
    const dataGroups = json.resources.filter((r) => r.type === "aws:ec2/securityGroup:SecurityGroup" && /icna:components:(KafkaCluster|PostgresDatabase|RedisCache)\$/.test(r.urn));
    expect(dataGroups.map((g) => g.name).sort()).toEqual(["icna-prod-kafka-sg", "icna-prod-postgres-sg", "icna-prod-redis-sg"]);
    for (const group of dataGroups) {
      expect(group.inputs.egress).toEqual([]);
      expect(group.inputs.ingress).toBeUndefined();
      const rules = json.resources.filter((r) => r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" && r.dependencies.includes(group.urn));
      const sources = rules.map((rule) => {
        expect(rule.inputs.cidrIpv4 ?? rule.inputs.cidrIpv6 ?? rule.inputs.prefixListId).toBeUndefined();
        const clusters = rule.dependencies.filter((urn) => urn.includes("eks:index:Cluster::"));
        expect(clusters).toHaveLength(1);
        return clusters[0].split("::").pop();
      });
      expect(new Set(sources)).toEqual(new Set(["icna-prod-blue", "icna-prod-green"]));
    }
  });

  it("never shows the Redis auth token: not in resources, outputs, the JSON, Markdown or terminal review", () => {
    expect(one("aws:secretsmanager/secretVersion:SecretVersion").inputs.secretString).toBe(SECRET);
    for (const text of [JSON.stringify(toReviewJson(review.review)), renderMarkdown(review.review), renderTerminal(review.review), JSON.stringify(review.plan)]) {
      expect(text).not.toContain(CANARY_TOKEN);
    }
  });
});

/** Inputs of every resource under the data tier, by URN. */
function dataTierInputs(plan: OfflinePlan): Map<string, unknown> {
  const root = named(plan, "icna:components:DataTier", "icna-prod");
  const under = (r: PlanResource): boolean => r.parent === root.urn || (r.parent !== undefined && plan.resources.some((p) => p.urn === r.parent && under(p)));
  return new Map(plan.resources.filter(under).map((r) => [r.urn, { inputs: r.inputs, protect: r.protect }]));
}

describe("the data tier is outside the blue/green unit", () => {
  it("does not change at all when traffic moves to the other colour", async () => {
    const swapped = withEdit(shippedSettings("prod"), "icna:traffic", (t) => {
      t.live = "green";
      t.weights = { blue: 0, green: 100 };
    });
    const after = (await planFromSettings("prod", swapped)).plan;
    expect(dataTierInputs(after)).toEqual(dataTierInputs(review.plan));
  });

  it("only loses the retired colour's ingress rules and in-cluster access when a colour is removed; the data services stay identical", async () => {
    const blueOnly = withEdit(shippedSettings("prod"), "icna:clusters", (c) => ((c.green as Record<string, unknown>).enabled = false));
    const before = dataTierInputs(review.plan);
    const after = dataTierInputs((await planFromSettings("prod", blueOnly)).plan);
    const removed = [...before.keys()].filter((urn) => !after.has(urn));
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.every((urn) => /-green-|from-green/.test(urn))).toBe(true);
    for (const [urn, value] of after) {
      if (urn.includes("aws:iam/role:Role::icna-prod-app-")) continue; // the trust policy lists one cluster fewer
      expect(value).toEqual(before.get(urn));
    }
  });
});

describe("the dr stack (pilot light)", () => {
  let dr: OfflinePlan;
  const backups = "arn:aws:rds:us-west-2:111122223333:auto-backup:ab-abcdefghijklmnopqrstuvwxyz0123456789abcd";
  beforeAll(async () => {
    const settings = { ...shippedSettings("dr"), "icna:data": JSON.stringify({ postgres: { restoreFrom: { sourceDbInstanceAutomatedBackupsArn: backups } }, apps: [{ namespace: "orders" }] }) };
    dr = (await planFromSettings("dr", settings)).plan;
  });

  it("recreates the database from the primary's replicated backups, small and protected", () => {
    const db = named(dr, "aws:rds/instance:Instance", "icna-dr-postgres-instance");
    expect(db.inputs).toMatchObject({ restoreToPointInTime: { sourceDbInstanceAutomatedBackupsArn: backups, useLatestRestorableTime: true }, instanceClass: "db.t4g.medium", deletionProtection: true });
    expect(db.protect).toBe(true);
    expect(ofType(dr, "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication")).toEqual([]);
  });

  it("gives workloads access on the enabled cluster only", () => {
    expect(ofType(dr, "kubernetes:core/v1:ConfigMap").map((r) => r.name).filter((n) => n.includes("-app-"))).toEqual(["icna-dr-app-orders-blue-connection"]);
  });
});
