import { UNKNOWN } from "../../../review/plan/model";
import { set } from "../../test-support/change";
import { RuleCase } from "../../test-support/cases";

const U = UNKNOWN;

export const MSK_CASES: RuleCase[] = [
  { rule: "msk-encryption-at-rest-cmk", title: "customer key", subject: "kafka", expect: "pass" },
  { rule: "msk-encryption-at-rest-cmk", title: "AWS-managed key", subject: "kafka", changes: [set("kafka", { "encryptionInfo.encryptionAtRestKmsKeyArn": undefined })], expect: "violation", message: ['Cluster "kafka"', "encryptionAtRestKmsKeyArn"] },
  { rule: "msk-encryption-at-rest-cmk", title: "encryption block computed", subject: "kafka", changes: [set("kafka", { encryptionInfo: U })], expect: "undecided" },

  { rule: "msk-tls-in-transit", title: "TLS only", subject: "kafka", expect: "pass" },
  { rule: "msk-tls-in-transit", title: "defaults are TLS", subject: "kafka", changes: [set("kafka", { encryptionInfo: undefined })], expect: "pass" },
  { rule: "msk-tls-in-transit", title: "TLS_PLAINTEXT clients", subject: "kafka", changes: [set("kafka", { "encryptionInfo.encryptionInTransit.clientBroker": "TLS_PLAINTEXT" })], expect: "violation", message: ['"TLS_PLAINTEXT"', 'clientBroker: "TLS"'] },
  { rule: "msk-tls-in-transit", title: "plain-text replication", subject: "kafka", changes: [set("kafka", { "encryptionInfo.encryptionInTransit.inCluster": false })], expect: "violation", message: ["inCluster: false"] },
  { rule: "msk-tls-in-transit", title: "client setting computed", subject: "kafka", changes: [set("kafka", { "encryptionInfo.encryptionInTransit.clientBroker": U })], expect: "undecided" },

  { rule: "msk-client-authentication", title: "IAM authentication", subject: "kafka", expect: "pass" },
  { rule: "msk-client-authentication", title: "mutual TLS", subject: "kafka", changes: [set("kafka", { clientAuthentication: { tls: { certificateAuthorityArns: [U] } } })], expect: "pass" },
  { rule: "msk-client-authentication", title: "no client authentication", subject: "kafka", changes: [set("kafka", { clientAuthentication: undefined })], expect: "violation", message: ["anonymous", "sasl.iam"] },
  { rule: "msk-client-authentication", title: "IAM plus unauthenticated access", subject: "kafka", changes: [set("kafka", { "clientAuthentication.unauthenticated": true })], expect: "violation", message: ["unauthenticated is true"] },
  { rule: "msk-client-authentication", title: "IAM flag computed", subject: "kafka", changes: [set("kafka", { "clientAuthentication.sasl.iam": U })], expect: "undecided" },

  { rule: "msk-broker-logging", title: "CloudWatch broker logs", subject: "kafka", expect: "pass" },
  { rule: "msk-broker-logging", title: "S3 broker logs", subject: "kafka", changes: [set("kafka", { loggingInfo: { brokerLogs: { s3: { enabled: true, bucket: U } } } })], expect: "pass" },
  { rule: "msk-broker-logging", title: "no logging", subject: "kafka", changes: [set("kafka", { loggingInfo: undefined })], expect: "violation", message: ["no broker logs"] },
  { rule: "msk-broker-logging", title: "logging flag computed", subject: "kafka", changes: [set("kafka", { "loggingInfo.brokerLogs.cloudwatchLogs.enabled": U })], expect: "undecided" },

  { rule: "msk-private-brokers", title: "public access disabled", subject: "kafka", expect: "pass" },
  { rule: "msk-private-brokers", title: "brokers with public IPs", subject: "kafka", changes: [set("kafka", { "brokerNodeGroupInfo.connectivityInfo.publicAccess.type": "SERVICE_PROVIDED_EIPS" })], expect: "violation", message: ["public IP", '"DISABLED"'] },
  { rule: "msk-private-brokers", title: "access type computed", subject: "kafka", changes: [set("kafka", { "brokerNodeGroupInfo.connectivityInfo.publicAccess.type": U })], expect: "undecided" },
];
