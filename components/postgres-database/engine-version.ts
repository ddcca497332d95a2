/**
 * PostgreSQL major versions ICNA creates databases with: those in RDS standard support on 2026-11-29
 * (13 left standard support on 2026-02-28 and costs extended-support fees). Reviewed with the RDS
 * PostgreSQL release calendar; add a major here once RDS offers it.
 */
export const POSTGRES_MAJOR_VERSIONS = ["14", "15", "16", "17"] as const;

const VERSION = /^(\d+)(\.\d+)?$/;

/** The major version of `16` or `16.4`; undefined when the text is not a PostgreSQL version. */
export function postgresMajor(version: string): string | undefined {
  return VERSION.exec(version)?.[1];
}

/** Why a version cannot be used, or undefined when it can. */
export function postgresVersionProblem(version: string): string | undefined {
  const major = postgresMajor(version);
  if (major === undefined) return `"${version}" is not a PostgreSQL version such as 17 or 16.4`;
  if (!(POSTGRES_MAJOR_VERSIONS as readonly string[]).includes(major)) return `PostgreSQL ${major} is not offered (majors: ${POSTGRES_MAJOR_VERSIONS.join(", ")})`;
  return undefined;
}

/** The DB parameter group family of a version: `postgres16` for `16.4`. */
export function parameterGroupFamily(version: string): string {
  const problem = postgresVersionProblem(version);
  if (problem) throw new Error(problem);
  return `postgres${postgresMajor(version) as string}`;
}
