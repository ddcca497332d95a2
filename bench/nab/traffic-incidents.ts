import * as path from "node:path";
import { readNabCsv } from "./corpus";
import type { PointLabelledSeries } from "./point-labels";
import { probationLength } from "./probation";
import { SeededRandom } from "./seeded-random";
import { nearestRankQuantile } from "../nearest-rank-quantile";

/** The metric a traffic slice is turned into, and the incidents injected into it. */
export type TrafficMetric = "requests" | "latency" | "errors";
export type IncidentKind = "level-shift" | "stuck-at-zero" | "latency-creep" | "error-burst";

/** One injected incident: rows [start, end] of its series. */
export interface Incident {
  readonly kind: IncidentKind;
  readonly start: number;
  readonly end: number;
}

/** A generated series with the incidents it carries (the labels are exactly their rows). */
export interface IncidentSeries extends PointLabelledSeries {
  readonly metric: TrafficMetric;
  readonly incidents: readonly Incident[];
}

/** Rows per slice: 10 days of one-minute counts. */
export const SLICE_ROWS = 14_400;
/** Default seed of the generator: the corpus is the same on every run and machine. */
export const TRAFFIC_INCIDENTS_SEED = 20_261_207;

const TRACES = ["nasa_http_1995_per_minute.csv", "worldcup98_per_minute.csv"] as const;
const METRICS: readonly TrafficMetric[] = ["requests", "latency", "errors"];
const KINDS: Readonly<Record<TrafficMetric, readonly IncidentKind[]>> = {
  requests: ["level-shift", "stuck-at-zero"],
  latency: ["latency-creep", "level-shift"],
  errors: ["error-burst", "stuck-at-zero"],
};
/** Duration range in minutes of each kind of incident. */
const DURATION_MINUTES: Readonly<Record<IncidentKind, readonly [number, number]>> = {
  "level-shift": [120, 480],
  "stuck-at-zero": [30, 180],
  "latency-creep": [120, 360],
  "error-burst": [5, 30],
};
/** Errors per request outside incidents, and the step of the error-rate series (five minutes). */
const BASE_ERROR_RATE = 0.005;
const ERROR_STEP_ROWS = 5;

/** Places 2–4 incidents after the probation period, at least a day apart, in time order. */
function placeIncidents(random: SeededRandom, rows: number, metric: TrafficMetric, stepMinutes: number): Incident[] {
  const count = random.integer(2, 4);
  const first = probationLength(rows) + Math.round(1440 / stepMinutes);
  const span = Math.floor((rows - first) / count);
  const incidents: Incident[] = [];
  for (let k = 0; k < count; k++) {
    const kind = KINDS[metric][random.integer(0, KINDS[metric].length - 1)];
    const [low, high] = DURATION_MINUTES[kind];
    const length = Math.max(1, Math.round(random.integer(low, high) / stepMinutes));
    const start = first + k * span + random.integer(0, Math.max(0, span - length - Math.round(720 / stepMinutes)));
    incidents.push({ kind, start, end: Math.min(rows - 1, start + length - 1) });
  }
  return incidents;
}

/** Latency (ms) of a server at the given utilisation: an M/M/1-like curve over a 40 ms service time. */
function latencyAt(utilisation: number): number {
  const u = Math.min(utilisation, 0.9);
  return 40 / (1 - u);
}

function incidentAt(incidents: readonly Incident[], row: number): Incident | undefined {
  return incidents.find((incident) => row >= incident.start && row <= incident.end);
}

/** A one-minute request-count slice turned into the metric, with incidents injected and labelled. */
function buildSeries(name: string, timestamps: readonly number[], counts: readonly number[], metric: TrafficMetric, random: SeededRandom): IncidentSeries {
  if (metric === "errors") {
    const rows = Math.floor(counts.length / ERROR_STEP_ROWS);
    const incidents = placeIncidents(random, rows, metric, ERROR_STEP_ROWS);
    const burstRate = 0.03 + 0.07 * random.uniform();
    const out: number[] = [];
    const stamps: number[] = [];
    for (let r = 0; r < rows; r++) {
      let requests = 0;
      for (let k = 0; k < ERROR_STEP_ROWS; k++) requests += counts[r * ERROR_STEP_ROWS + k];
      const incident = incidentAt(incidents, r);
      const rate = incident?.kind === "error-burst" ? burstRate : BASE_ERROR_RATE;
      const errors = random.binomial(requests, rate);
      stamps.push(timestamps[r * ERROR_STEP_ROWS]);
      out.push(incident?.kind === "stuck-at-zero" || requests === 0 ? 0 : Number(((100 * errors) / requests).toFixed(3)));
    }
    return { name, metric, incidents, timestamps: stamps, values: out, labels: labelsOf(rows, incidents) };
  }
  const incidents = placeIncidents(random, counts.length, metric, 1);
  const factors = incidents.map(() => [0.45, 0.6, 1.6, 1.9][random.integer(0, 3)]);
  const capacity = 1.3 * nearestRankQuantile(counts, 0.99);
  const values = counts.map((count, i) => {
    const k = incidents.findIndex((incident) => i >= incident.start && i <= incident.end);
    const incident = incidents[k];
    if (metric === "requests") {
      if (incident?.kind === "stuck-at-zero") return 0;
      return incident?.kind === "level-shift" ? Math.round(count * factors[k]) : count;
    }
    let latency = latencyAt(count / capacity) * Math.exp(0.1 * random.normal());
    if (incident?.kind === "latency-creep") latency *= 1 + ((factors[k] + 0.5) * (i - incident.start + 1)) / (incident.end - incident.start + 1);
    if (incident?.kind === "level-shift") latency *= Math.max(factors[k], 1.4);
    return Number(latency.toFixed(1));
  });
  return { name, metric, incidents, timestamps, values, labels: labelsOf(counts.length, incidents) };
}

function labelsOf(rows: number, incidents: readonly Incident[]): Uint8Array {
  const labels = new Uint8Array(rows);
  for (const incident of incidents) labels.fill(1, incident.start, incident.end + 1);
  return labels;
}

/**
 * The injected-incident corpus: the NASA 1995 and World Cup 98 per-minute request counts cut into 10-day
 * slices; each slice becomes, in turn, a request count, a latency (from the load through a queueing curve,
 * with noise) or a five-minute error rate (errors drawn binomially), with 2–4 incidents of the kinds that
 * metric shows in practice — level shifts, stuck-at-zero, latency creep, error bursts — each labelled on
 * its rows. Deterministic for a given seed.
 */
export function buildTrafficIncidentCorpus(trafficDir: string, seed: number = TRAFFIC_INCIDENTS_SEED): IncidentSeries[] {
  const random = new SeededRandom(seed);
  const out: IncidentSeries[] = [];
  let turn = 0;
  for (const trace of TRACES) {
    const { timestamps, columns } = readNabCsv(path.join(trafficDir, trace), ["count"]);
    const source = trace.split("_")[0];
    for (let slice = 0; (slice + 1) * SLICE_ROWS <= timestamps.length; slice++) {
      const metric = METRICS[turn++ % METRICS.length];
      const range = [slice * SLICE_ROWS, (slice + 1) * SLICE_ROWS] as const;
      out.push(buildSeries(`incidents/${source}_${slice}_${metric}.csv`, timestamps.slice(...range), columns[0].slice(...range), metric, random));
    }
  }
  return out;
}
