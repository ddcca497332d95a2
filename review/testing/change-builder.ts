import { Change } from "../changes/change";

const P = "urn:pulumi:prod::icna::";

/** A change for tests: an update of `name` unless overridden. */
export function change(name: string, type: string, overrides: Partial<Change> = {}): Change {
  return {
    op: "update",
    steps: [overrides.op ?? "update"],
    urn: `${P}${type}::${name}`,
    type,
    name,
    changedPaths: [],
    replaceReasons: [],
    dependencies: [],
    protect: {},
    deleteBeforeReplace: false,
    retainOnDelete: false,
    custom: true,
    ...overrides,
  };
}

export const PROD = { name: "prod", kind: "prod" } as const;
export const DEV = { name: "dev", kind: "dev" } as const;
