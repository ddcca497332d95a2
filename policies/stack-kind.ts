import { STACK_KINDS, StackInfo, StackKind } from "./model";

const ALIASES: Readonly<Record<string, StackKind>> = { dev: "dev", development: "dev", prod: "prod", production: "prod", dr: "dr" };

/** The kind a stack name implies: `prod`, `prod-eu`, `alice-dev`, `dr-us-west-2`; undefined when it names none or several. */
export function stackKindFromName(name: string): StackKind | undefined {
  const kinds = new Set(
    name
      .toLowerCase()
      .split(/[-_.\s/]+/)
      .map((token) => ALIASES[token])
      .filter((k): k is StackKind => k !== undefined),
  );
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** Stack name and kind from options: an explicit kind wins; otherwise the name must imply one; neither means prod. */
export function resolveStack(options: { stack?: string; kind?: string }): StackInfo {
  if (options.kind !== undefined && !(STACK_KINDS as readonly string[]).includes(options.kind)) {
    throw new Error(`--kind must be one of ${STACK_KINDS.join(", ")}, not "${options.kind}"`);
  }
  const explicit = options.kind as StackKind | undefined;
  if (options.stack === undefined) return { name: explicit ?? "prod", kind: explicit ?? "prod" };
  const kind = explicit ?? stackKindFromName(options.stack);
  if (!kind) {
    throw new Error(`cannot tell whether stack "${options.stack}" is dev, prod or dr: name it dev, prod or dr (or prod-eu, alice-dev…), or pass --kind dev|prod|dr`);
  }
  return { name: options.stack, kind };
}
