/** One thing wrong with a stack's configuration, in the user's terms. */
export interface ConfigProblem {
  /** Config path as written in Pulumi.<stack>.yaml, e.g. `icna:network.cidr`. */
  readonly path: string;
  /** What is wrong, with the bad value. */
  readonly message: string;
  /** What would be accepted, when there is a closed set or a rule. */
  readonly allowed?: string;
}

export function formatProblem(problem: ConfigProblem): string {
  return `${problem.path}: ${problem.message}${problem.allowed ? ` (allowed: ${problem.allowed})` : ""}`;
}

/** Thrown before any resource is registered when a stack's configuration is invalid; lists every problem. */
export class ConfigError extends Error {
  constructor(
    readonly stackName: string,
    readonly problems: readonly ConfigProblem[],
    hint = `Fix them in Pulumi.${stackName}.yaml (or with \`pulumi config set\`) and run again.`,
  ) {
    super(
      `Stack "${stackName}" has ${problems.length} configuration problem${problems.length === 1 ? "" : "s"}:\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join("\n") +
        `\n${hint}`,
    );
    this.name = "ConfigError";
  }
}
