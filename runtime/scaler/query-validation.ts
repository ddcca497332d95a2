import { PrometheusClient, PrometheusError, type PrometheusClientOptions } from "../prometheus/prometheus-client";

/** A trigger query Prometheus refuses, or one that does not return a single series. */
export class InvalidQueryError extends Error {
  constructor(scaledObject: string, query: string, problem: string) {
    super(`ScaledObject ${scaledObject}: invalid PSE trigger metadata: query \`${query}\` ${problem}`);
    this.name = "InvalidQueryError";
  }
}

/** How long a verdict on a query is kept: KEDA asks for the metric spec at every reconcile. */
const VERDICT_TTL_MS = 5 * 60_000;

/**
 * Checks a trigger's PromQL as Prometheus parses it — an instant query at a fixed time, so Prometheus'
 * own parser and type checker decide — and that it returns at most one series (a range vector or a
 * query per pod cannot be sized). When Prometheus cannot be reached the query is let through: the
 * evaluation will say so.
 */
export class QueryValidator {
  private readonly verdicts = new Map<string, { atMs: number; problem?: string }>();

  constructor(
    private readonly options: PrometheusClientOptions,
    private readonly log: (line: string) => void,
  ) {}

  async check(scaledObject: string, prometheusUrl: string | undefined, query: string): Promise<void> {
    if (!prometheusUrl) return;
    const key = JSON.stringify([prometheusUrl, query]);
    let verdict = this.verdicts.get(key);
    if (!verdict || Date.now() - verdict.atMs > VERDICT_TTL_MS) {
      const problem = await this.problemOf(prometheusUrl, query);
      if (problem === null) {
        this.log(`${scaledObject}: cannot check the query against Prometheus now; accepted as is`);
        return;
      }
      verdict = { atMs: Date.now(), problem };
      this.verdicts.set(key, verdict);
    }
    if (verdict.problem) throw new InvalidQueryError(scaledObject, query, verdict.problem);
  }

  /** The problem, undefined when valid, null when Prometheus could not tell. */
  private async problemOf(prometheusUrl: string, query: string): Promise<string | undefined | null> {
    try {
      const samples = await new PrometheusClient(prometheusUrl, { ...this.options, maxSeries: 1000 }).query(query, Math.floor(Date.now() / 1000) * 1000);
      if (samples.length > 1) return `returns ${samples.length} series; aggregate it to one (e.g. sum(...))`;
      return undefined;
    } catch (error) {
      if (!(error instanceof PrometheusError)) throw error;
      if (error.kind === "rejected") return `is refused by Prometheus: ${error.message.replace(/^Prometheus query `[^`]*` failed \(rejected\): /, "")}`;
      if (error.kind === "too-large") return "returns too many series; aggregate it to one (e.g. sum(...))";
      return null;
    }
  }
}
