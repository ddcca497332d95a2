import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { DEFAULT_PORTS, engineFamily, isReadReplica, RDS_DATABASE_TYPES } from "../../support/rds";
import { TYPES } from "../../knowledge/type-tokens";
import { num, str } from "../../values";

/** Master user names every scanner and brute-forcer tries first. */
export const DEFAULT_MASTER_USERNAMES = ["postgres", "admin", "root", "master", "sa", "administrator", "mysql", "user"];

export const rdsNonDefaultIdentity: ResourceRule = {
  scope: "resource",
  name: "rds-non-default-identity",
  area: "rds",
  description: "RDS databases avoid the engine's well-known master user name and port, so scans and credential stuffing find nothing to aim at.",
  severity: "low",
  checkov: [],
  enforcement: LEVELS.advisory,
  resourceTypes: RDS_DATABASE_TYPES,
  remediation: "Choose a master username such as icna_admin and a non-default port; clients read both from the connection secret.",
  evaluate(db) {
    if (isReadReplica(db)) return "not-applicable";
    const family = engineFamily(str(db.props, "engine"));
    const usernameKey = db.type === TYPES.rdsCluster ? "masterUsername" : "username";
    const problems: string[] = [];
    const username = str(db.props, usernameKey);
    if (username && DEFAULT_MASTER_USERNAMES.includes(username.toLowerCase())) problems.push(`the master user is the well-known "${username}" (${usernameKey})`);
    const defaultPort = DEFAULT_PORTS[family];
    const port = num(db.props, "port") ?? defaultPort;
    if (defaultPort !== undefined && port === defaultPort) problems.push(`it listens on the default ${family} port ${defaultPort}`);
    if (problems.length === 0) return [];
    return [violation(`${label(db)}: ${problems.join(" and ")}: set a custom ${usernameKey} and port`)];
  },
};
