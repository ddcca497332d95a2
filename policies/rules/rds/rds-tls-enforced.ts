import { ResourceGraph } from "../../graph";
import { Finding, PolicyResource } from "../../model";
import { label, LEVELS, perItem, StackRule, violation } from "../../rule";
import { engineFamily, isAurora, majorVersion } from "../../support/rds";
import { TYPES } from "../../knowledge/type-tokens";
import { isSet, list, peek, str, UndecidableError } from "../../values";

/** The parameter that forces TLS per engine family, the values that mean "on", and whether new versions default to on. */
const TLS_PARAMETER = {
  postgres: { name: "rds.force_ssl", on: ["1", "on", "true"], defaultOnFromMajor: 15 },
  mysql: { name: "require_secure_transport", on: ["1", "on", "true"], defaultOnFromMajor: undefined },
} as const;

function parameterValue(group: PolicyResource, name: string): string | undefined {
  const parameters = list(group.props, "parameters") ?? [];
  for (const parameter of parameters) {
    if (str(parameter, "name") === name) return (str(parameter, "value") ?? "").toLowerCase();
  }
  return undefined;
}

function checkDatabase(graph: ResourceGraph, db: PolicyResource): Finding[] {
  const family = engineFamily(str(db.props, "engine"));
  if (family !== "postgres" && family !== "mysql") return [];
  const tls = TLS_PARAMETER[family];
  const cluster = db.type === TYPES.rdsCluster;
  const groupKey = cluster ? "dbClusterParameterGroupName" : "parameterGroupName";
  const groupTypes = cluster ? [TYPES.rdsClusterParameterGroup] : [TYPES.rdsParameterGroup];
  const fix = `use a parameter group with ${tls.name} = 1`;

  let group: PolicyResource | undefined;
  if (isSet(db.props, groupKey)) {
    const refs = graph.references(db, groupKey, { types: groupTypes, keyProps: ["name", "id"], viaDependencies: true });
    group = refs.resources[0];
    if (!group) {
      const name = peek(db.props, groupKey);
      if (typeof name === "string" && name.startsWith("default.") && refs.unresolved === 0) group = undefined;
      else throw new UndecidableError(`parameter group of ${label(db)}`);
    }
  }
  const major = majorVersion(group ? str(group.props, "family") : undefined) ?? majorVersion(str(db.props, "engineVersion"));
  const defaultOn = tls.defaultOnFromMajor !== undefined && (major === undefined ? !isSet(db.props, "engineVersion") : major >= tls.defaultOnFromMajor);
  const value = group ? parameterValue(group, tls.name) : undefined;
  if (value !== undefined) {
    if ((tls.on as readonly string[]).includes(value)) return [];
    return [violation(`${label(db)} uses parameter group "${group!.name}", which sets ${tls.name} = ${value} and accepts unencrypted connections: set ${tls.name} = 1`, db)];
  }
  if (defaultOn) return [];
  const where = group ? `parameter group "${group.name}" does not set ${tls.name}` : "it uses the engine's default parameter group";
  const version = major !== undefined ? ` ${family} ${major}` : "";
  return [violation(`${label(db)} accepts unencrypted connections:${version ? `${version} defaults ${tls.name} to off and` : ""} ${where}: ${fix}`, db)];
}

export const rdsTlsEnforced: StackRule = {
  scope: "stack",
  name: "rds-tls-enforced",
  area: "rds",
  description: "RDS databases refuse unencrypted connections (rds.force_ssl for PostgreSQL, default on from 15; require_secure_transport for MySQL).",
  severity: "high",
  checkov: ["CKV2_AWS_69"],
  enforcement: LEVELS.production,
  resourceTypes: [TYPES.rdsInstance, TYPES.rdsCluster, TYPES.rdsParameterGroup, TYPES.rdsClusterParameterGroup],
  remediation: "Attach a parameter group with rds.force_ssl = 1 (PostgreSQL) or require_secure_transport = ON (MySQL).",
  evaluate(_resources, ctx) {
    const databases = [...ctx.graph.ofType(TYPES.rdsInstance).filter((db) => !isAurora(db)), ...ctx.graph.ofType(TYPES.rdsCluster)];
    if (databases.length === 0) return "not-applicable";
    return perItem(databases, (db) => db, (db) => checkDatabase(ctx.graph, db));
  },
};
