import type { RegularSeries } from "../forecast/regular-series";

/** The forecast for the steps of a lead window, from the newest origin the fit could reach. */
export interface LeadForecast {
  /** Upper-quantile forecasts (the trigger's `quantile`), one per lead step. */
  readonly upper: number[];
  /** Lower-quantile forecasts (1 − `quantile`) for the same steps: with `upper`, the forecast's band. */
  readonly lower: number[];
  /** Point forecasts for the same steps. */
  readonly point: number[];
  /** The path the forecast was read from: its origin (epoch ms) and point values, to measure its error when the next step arrives. */
  readonly pathOriginMs: number;
  readonly pathValues: number[];
}

/** What a refit reports back (the fit itself stays in the worker that made it). */
export interface RefitSummary {
  readonly model: string;
  /** Time of the last step of the fitted series, epoch ms. */
  readonly lastTimestampMs: number;
  readonly steps: number;
  readonly backtestMeanAbsoluteError: number;
  /** Time spent fitting in the worker. */
  readonly seconds: number;
}

export type WorkerRequest =
  | { readonly type: "refit"; readonly id: number; readonly key: string; readonly series: RegularSeries; readonly horizonSteps: number }
  | { readonly type: "forecast"; readonly id: number; readonly key: string; readonly series: RegularSeries; readonly quantile: number; readonly leadSteps: number }
  | { readonly type: "drop"; readonly key: string };

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly refit: RefitSummary }
  | { readonly id: number; readonly ok: true; readonly forecast: LeadForecast | "no-fit" }
  | { readonly id: number; readonly ok: false; readonly error: { readonly name: string; readonly message: string } };
