import { PlanValue } from "../plan/model";
import { TYPES } from "../../policies/knowledge/type-tokens";
import { change, DEV, PROD } from "../testing/change-builder";
import { assessRisks } from "./assess-risks";
import { deleteStateful } from "./rules/delete-stateful";
import { replaceStateful } from "./rules/replace-stateful";

const DR = { name: "dr", kind: "dr" } as const;

/** Every kind of data-holding delete the review must explain: type, old inputs, what the title must say. */
const DELETES: readonly [string, string, Record<string, PlanValue>, string][] = [
  ["S3 object", TYPES.s3BucketObjectV2, { key: "orders/2026.csv" }, "deletes the object's content"],
  ["bucket with forceDestroy", TYPES.s3BucketV2, { forceDestroy: true }, "deletes every object in it"],
  ["bucket without forceDestroy", TYPES.s3Bucket, {}, "fails half-way if it is not empty"],
  ["EFS file system", TYPES.efsFileSystem, {}, "deletes its files"],
  ["DynamoDB table", TYPES.dynamodbTable, { name: "orders" }, "deletes its items"],
  ["EBS volume", TYPES.ebsVolume, { size: 100 }, "deletes its data"],
  ["ECR repository without forceDelete", TYPES.ecrRepository, {}, "fails half-way if it is not empty"],
  ["ECR repository with forceDelete", TYPES.ecrRepository, { forceDelete: true }, "deletes every image in it"],
  ["Secrets Manager secret", TYPES.secret, {}, "it can be restored during its recovery window"],
  ["log group", TYPES.logGroup, { retentionInDays: 365 }, "deletes every log event it holds"],
  ["hosted zone", TYPES.route53Zone, { name: "example.com" }, "fails half-way if it is not empty"],
  ["SQS queue", TYPES.sqsQueue, {}, "deletes every message waiting in it"],
  ["PVC", TYPES.k8sPersistentVolumeClaim, {}, "deletes its volume"],
  ["PV", TYPES.k8sPersistentVolume, {}, "deletes its disk"],
  ["StatefulSet", TYPES.k8sStatefulSet, {}, "their volumes"],
  ["RDS instance", TYPES.rdsInstance, { finalSnapshotIdentifier: "final" }, "deletes its data"],
  ["Aurora cluster", TYPES.rdsCluster, { finalSnapshotIdentifier: "final" }, "deletes its data"],
  ["ElastiCache group", TYPES.cacheReplicationGroup, { finalSnapshotIdentifier: "final" }, "deletes its cached and persisted data"],
  ["ElastiCache serverless", TYPES.cacheServerless, {}, "deletes its cached data"],
  ["MSK cluster", TYPES.mskCluster, {}, "deletes every topic and message"],
  ["KMS key", TYPES.kmsKey, {}, "the deletion can be cancelled during its window"],
];

describe.each(DELETES)("deleting a %s", (_what, type, oldInputs, says) => {
  const deleted = change("data", type, { op: "delete", oldInputs });
  it("gets a data-loss finding that says what is lost or what fails", () => {
    const [finding] = assessRisks({ stack: PROD, changes: [deleted] }, [deleteStateful]);
    expect(finding).toMatchObject({ category: "data-loss", urns: [deleted.urn] });
    expect(finding.title).toContain(says);
  });
  it("weighs more in prod and dr than in dev", () => {
    const rank = (stack: typeof PROD | typeof DEV | typeof DR) => ["low", "medium", "high", "critical"].indexOf(assessRisks({ stack, changes: [deleted] }, [deleteStateful])[0].severity);
    expect(rank(PROD)).toBeGreaterThan(rank(DEV));
    expect(rank(DR)).toBe(rank(PROD));
  });
  it("is reported for a replacement too", () => {
    const replaced = change("data", type, { op: "replace", oldInputs, newInputs: oldInputs, replaceReasons: ["name"] });
    expect(assessRisks({ stack: PROD, changes: [replaced] }, [replaceStateful])[0].title).toContain(says);
  });
});

it("severities: high loss in prod, medium in dev; refused delete medium in prod; recoverable medium in prod", () => {
  const severity = (type: string, oldInputs: Record<string, PlanValue>, stack: typeof PROD | typeof DEV = PROD) => assessRisks({ stack, changes: [change("d", type, { op: "delete", oldInputs })] }, [deleteStateful])[0].severity;
  expect(severity(TYPES.dynamodbTable, {})).toBe("high");
  expect(severity(TYPES.dynamodbTable, {}, DEV)).toBe("medium");
  expect(severity(TYPES.s3Bucket, {})).toBe("medium");
  expect(severity(TYPES.secret, {})).toBe("medium");
  expect(severity(TYPES.secret, { recoveryWindowInDays: 0 })).toBe("critical");
  expect(severity(TYPES.rdsInstance, { skipFinalSnapshot: true })).toBe("critical");
  expect(severity(TYPES.rdsInstance, {})).toBe("critical");
});

it("says nothing for resources that hold no data", () => {
  expect(assessRisks({ stack: PROD, changes: [change("rt", "aws:ec2/routeTable:RouteTable", { op: "delete", oldInputs: {} })] }, [deleteStateful])).toEqual([]);
});
