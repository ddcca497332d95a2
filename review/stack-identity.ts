import * as fs from "node:fs";
import * as path from "node:path";
import { STACK_KINDS, StackKind } from "../policies/model";
import { readStackSettings } from "../stacks/config/stack-file";

/** The stack a review is about: its name, kind (dev, prod, dr) and AWS region when known. */
export interface StackIdentity {
  readonly name: string;
  readonly kind: StackKind;
  readonly region?: string;
  /** How the kind was decided, when it was not read from the stack's config. */
  readonly note?: string;
}

/** `urn:pulumi:<stack>::<project>::…` → the stack name. */
export function stackFromUrn(urn: string): string | undefined {
  return /^urn:pulumi:([^:]+)::/.exec(urn)?.[1];
}

/**
 * Reads the kind and region from Pulumi.<stack>.yaml (`icna:environment`, `aws:region`). A stack
 * without a file is judged by its name when it is dev, prod or dr, and as prod otherwise (the
 * strictest gate), which the report states.
 */
export function identifyStack(name: string, projectDir: string): StackIdentity {
  if (fs.existsSync(path.join(projectDir, `Pulumi.${name}.yaml`))) {
    const { values } = readStackSettings(projectDir, name);
    const environment = values["icna:environment"];
    const kind = (STACK_KINDS as readonly string[]).includes(environment) ? (environment as StackKind) : undefined;
    const region = values["aws:region"];
    if (kind) return { name, kind, region };
  }
  if ((STACK_KINDS as readonly string[]).includes(name)) return { name, kind: name as StackKind, note: `no icna:environment for ${name}: judged as ${name} by its name` };
  return { name, kind: "prod", note: `unknown stack ${name}: judged with the prod gate, the strictest` };
}
