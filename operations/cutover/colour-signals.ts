import type { MetricSamples } from "../../runtime/judge/judge";
import { colourQuery, type Colour } from "../../runtime/prometheus/colour-query";
import type { PrometheusClient } from "../../runtime/prometheus/prometheus-client";

/** A named PromQL template with `$colour`. */
export interface Signal {
  readonly name: string;
  readonly query: string;
}

/** Pulls every signal's samples for one colour over [startMs, endMs] (all returned series pooled). */
export async function colourSamples(prometheus: PrometheusClient, signals: readonly Signal[], colour: Colour, startMs: number, endMs: number, stepSeconds: number): Promise<MetricSamples> {
  const entries = await Promise.all(
    signals.map(async (s) => {
      const series = await prometheus.queryRange(colourQuery(s.query, colour), startMs, endMs, stepSeconds);
      return [s.name, series.flatMap((r) => r.values.filter(Number.isFinite))] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Health of a colour: the query must return at least one series, every value ≥ min. */
export async function colourHealth(prometheus: PrometheusClient, template: string, min: number, colour: Colour, atMs: number): Promise<{ healthy: boolean; detail: string }> {
  const query = colourQuery(template, colour);
  const result = await prometheus.query(query, atMs);
  if (result.length === 0) return { healthy: false, detail: `\`${query}\` returned no series` };
  const bad = result.filter((r) => !(r.value >= min));
  if (bad.length > 0) return { healthy: false, detail: `\`${query}\` is below ${min}: ${bad.map((r) => `${JSON.stringify(r.labels)}=${r.value}`).join(", ")}` };
  return { healthy: true, detail: `\`${query}\` ≥ ${min} on ${result.length} series` };
}
