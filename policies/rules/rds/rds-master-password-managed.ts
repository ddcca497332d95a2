import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { RDS_DATABASE_TYPES } from "../../support/rds";
import { TYPES } from "../../knowledge/type-tokens";
import { bool, isSecret, isUnknown, peek } from "../../values";

export const rdsMasterPasswordManaged: ResourceRule = {
  scope: "resource",
  name: "rds-master-password-managed",
  area: "rds",
  description: "RDS master passwords are managed by Secrets Manager or passed as Pulumi secrets, never as plain text in code and state.",
  severity: "high",
  checkov: [],
  enforcement: LEVELS.everywhere,
  offlineOnly: "CrossGuard passes secret inputs to policies already decrypted, so a secret and a plain-text password look the same there.",
  resourceTypes: RDS_DATABASE_TYPES,
  remediation: "Set manageMasterUserPassword: true (Secrets Manager rotates it), or pass the password with pulumi.secret() / a write-only passwordWo.",
  evaluate(db) {
    const key = db.type === TYPES.rdsCluster ? "masterPassword" : "password";
    if (bool(db.props, "manageMasterUserPassword") === true) return [];
    const password = peek(db.props, key);
    if (password === undefined || isSecret(password) || isUnknown(password)) return [];
    return [violation(`${label(db)} has its master password in plain text (${key} is not a secret), so it lands in the state file and previews: set manageMasterUserPassword: true or wrap it in pulumi.secret()`)];
  },
};
