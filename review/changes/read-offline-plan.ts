import { PlanResource, PlanValue } from "../plan/model";
import { PreviewInputError } from "./preview-input-error";
import { isObject, JsonObject } from "./shape-checks";

/** Reads an offline plan (`icna review --json` or `--out <dir>/plan.json`) with every resource checked. */
export function readOfflinePlan(document: JsonObject, label: string): { stack?: string; resources: PlanResource[] } {
  if (!Array.isArray(document.resources)) throw new PreviewInputError(`${label}: "resources" must be a list (is this the output of \`icna review --json\`?)`);
  const resources = document.resources.map((raw, i): PlanResource => {
    const where = `resources[${i}]`;
    if (!isObject(raw)) throw new PreviewInputError(`${label}: ${where} must be an object`);
    for (const key of ["urn", "type", "name"] as const) {
      if (typeof raw[key] !== "string" || raw[key] === "") throw new PreviewInputError(`${label}: ${where}.${key} must be a non-empty string`);
    }
    if (raw.inputs !== undefined && !isObject(raw.inputs)) throw new PreviewInputError(`${label}: ${where}.inputs must be an object`);
    const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
    return {
      ...(raw as object),
      urn: raw.urn as string,
      type: raw.type as string,
      name: raw.name as string,
      parent: typeof raw.parent === "string" ? raw.parent : undefined,
      inputs: (raw.inputs ?? {}) as Record<string, PlanValue>,
      dependencies: strings(raw.dependencies),
      protect: raw.protect === true,
      custom: raw.custom !== false,
      remote: raw.remote === true,
      provider: typeof raw.provider === "string" ? raw.provider : undefined,
    };
  });
  return { stack: typeof document.stack === "string" ? document.stack : undefined, resources };
}
