import { UNKNOWN } from "../../../review/plan/model";
import { set } from "../../test-support/change";
import { RuleCase } from "../../test-support/cases";

const U = UNKNOWN;
const policy = (statements: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

export const KMS_CASES: RuleCase[] = [
  { rule: "kms-key-rotation", title: "rotation on", subject: "data-key", expect: "pass" },
  { rule: "kms-key-rotation", title: "rotation off", subject: "data-key", changes: [set("data-key", { enableKeyRotation: false })], expect: "violation", message: ['Key "data-key"', "enableKeyRotation: true"] },
  { rule: "kms-key-rotation", title: "asymmetric signing keys cannot rotate", subject: "data-key", changes: [set("data-key", { enableKeyRotation: false, customerMasterKeySpec: "ECC_NIST_P256", keyUsage: "SIGN_VERIFY" })], expect: "not-applicable" },
  { rule: "kms-key-rotation", title: "rotation flag computed", subject: "data-key", changes: [set("data-key", { enableKeyRotation: U })], expect: "undecided" },

  { rule: "kms-no-wildcard-principal", title: "account root only", subject: "data-key", expect: "pass" },
  {
    rule: "kms-no-wildcard-principal",
    title: "Principal * limited by kms:CallerAccount",
    subject: "data-key",
    changes: [set("data-key", { policy: policy([{ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:CallerAccount": "123456789012" } } }]) })],
    expect: "pass",
  },
  { rule: "kms-no-wildcard-principal", title: "Principal * without a condition", subject: "data-key", changes: [set("data-key", { policy: policy([{ Sid: "Open", Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }]) })], expect: "violation", message: ['"Open"', 'Principal "*"'] },
  { rule: "kms-no-wildcard-principal", title: "AWS: * in a list", subject: "data-key", changes: [set("data-key", { policy: policy([{ Effect: "Allow", Principal: { AWS: ["arn:aws:iam::123456789012:root", "*"] }, Action: "kms:Decrypt", Resource: "*" }]) })], expect: "violation", message: ["#1"] },
  { rule: "kms-no-wildcard-principal", title: "policy computed", subject: "data-key", changes: [set("data-key", { policy: U })], expect: "undecided" },
];
