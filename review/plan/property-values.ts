import { PlanValue, SECRET, UNKNOWN } from "./model";

/** Signatures of the Pulumi wire format for special values (sdk/nodejs/runtime/rpc.ts). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
const UNKNOWN_SIG = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * Converts a registered resource's serialized inputs (the struct the SDK sends to the engine) into plan
 * values: unknowns stay UNKNOWN, secrets become SECRET (their value is dropped here), resource
 * references become the referenced URN.
 */
export function toPlanValue(wire: unknown): PlanValue {
  if (wire === UNKNOWN_SIG) return UNKNOWN;
  if (wire === null || wire === undefined) return null;
  if (typeof wire === "string" || typeof wire === "number" || typeof wire === "boolean") return wire;
  if (Array.isArray(wire)) return wire.map(toPlanValue);
  if (typeof wire === "object") {
    const record = wire as Record<string, unknown>;
    switch (record[SIG_KEY]) {
      case SECRET_SIG:
        return SECRET;
      case RESOURCE_SIG:
        return typeof record.urn === "string" ? record.urn : UNKNOWN;
      case OUTPUT_SIG:
        if (record.secret === true) return SECRET;
        return "value" in record ? toPlanValue(record.value) : UNKNOWN;
      case ASSET_SIG:
      case ARCHIVE_SIG:
        return `[${record[SIG_KEY] === ASSET_SIG ? "asset" : "archive"}${typeof record.path === "string" ? " " + record.path : ""}]`;
      default:
        return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, toPlanValue(v)]));
    }
  }
  return String(wire);
}
