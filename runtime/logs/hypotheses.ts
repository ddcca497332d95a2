import type { Correlation } from "./correlate";
import type { RankedPattern } from "./triage";

/** A root-cause hypothesis with the evidence behind it. */
export interface Hypothesis {
  readonly title: string;
  readonly evidence: string[];
  /** "high" | "medium" | "low", from the test's strength and whether a metric anomaly follows the pattern. */
  readonly confidence: "high" | "medium" | "low";
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const rate = (x: number): string => (x >= 1 ? x.toFixed(1) : x.toPrecision(2));

/** A correlation strong enough to support a hypothesis: unlikely (p < 0.05) if anomalies fell at random points. */
export const SUPPORTING_P = 0.05;

/** Deterministic hypotheses: the most surprising patterns, strengthened when metric anomalies follow them more often than chance. */
export function buildHypotheses(
  patterns: readonly RankedPattern[],
  correlations: readonly Correlation[],
  max = 5,
): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const p of patterns.filter((x) => x.score >= 2).slice(0, max)) {
    const linked = correlations.filter((c) => c.pattern === p.id && c.p_value < SUPPORTING_P);
    const evidence = [
      p.new
        ? `\`${p.template}\`: ${p.incident_count} entries in the incident window, none in the baseline (rate test: p = 1e-${p.score.toFixed(1)})`
        : `\`${p.template}\`: ${rate(p.incident_rate)}/min in the incident window against ${rate(p.baseline_rate)}/min in the baseline (×${(p.incident_rate / p.baseline_rate).toFixed(1)}; rate test: p = 1e-${p.score.toFixed(1)})`,
      ...linked.map(
        (c) =>
          `${pct(c.share)} of ${c.metric} anomaly points (${c.preceded} of ${c.anomaly_points}) follow this pattern within ${c.lead_minutes} minutes, against ${pct(c.base_share)} of all ${c.metric} points`,
      ),
    ];
    const confidence =
      linked.length > 0 && p.score >= 5 ? "high" : p.score >= 5 || linked.length > 0 ? "medium" : "low";
    const title =
      linked.length > 0
        ? `${p.new ? "New" : "Surging"} \`${p.template}\` precedes ${linked.map((c) => c.metric).join(", ")} anomalies`
        : `${p.new ? "New" : "Surging"} log pattern \`${p.template}\``;
    out.push({ title, evidence, confidence });
  }
  const order = { high: 0, medium: 1, low: 2 };
  return out.sort((a, b) => order[a.confidence] - order[b.confidence]);
}

/** A deterministic summary of the ranking. */
export function summarise(
  patterns: readonly RankedPattern[],
  correlations: readonly Correlation[],
  entries: number,
): string {
  const significant = patterns.filter((p) => p.score >= 2);
  if (significant.length === 0)
    return `${entries} entries read; no pattern's rate in the incident window is significantly above the baseline (p < 0.01).`;
  const fresh = significant.filter((p) => p.new).length;
  const top = significant[0];
  const strong = correlations.find((c) => c.p_value < SUPPORTING_P);
  const link = strong
    ? ` ${pct(strong.share)} of ${strong.metric} anomaly points follow \`${strong.template}\` within ${strong.lead_minutes} minutes.`
    : "";
  return `${entries} entries read; ${significant.length} patterns rose significantly in the incident window (${fresh} new). Most surprising: \`${top.template}\` (${top.incident_count} entries, p = 1e-${top.score.toFixed(1)}).${link}`;
}
