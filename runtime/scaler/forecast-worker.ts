import { parentPort } from "node:worker_threads";
import { fitForecast, type ForecastFit, type ForecastPath } from "../forecast/engine";
import type { LeadForecast, WorkerReply, WorkerRequest } from "./forecast-messages";
import type { RegularSeries } from "../forecast/regular-series";

/** Runs in a worker thread: fits forecasts off the service's event loop and keeps each ScaledObject's fit for its forecasts. */
const fits = new Map<string, ForecastFit>();

/**
 * Between refits, forecasts from the newest step with the fitted parameters; should the history not
 * extend the fitted series (forecastFrom refuses it), reads the fit's own path further out.
 */
export function leadForecast(fit: ForecastFit, series: RegularSeries, quantile: number, leadSteps: number): LeadForecast {
  const stepMs = series.stepSeconds * 1000;
  const lastMs = series.startMs + (series.values.length - 1) * stepMs;
  let path: ForecastPath = fit;
  let offset = Math.max(0, Math.round((lastMs - fit.lastTimestampMs) / stepMs));
  if (offset > 0) {
    try {
      path = fit.forecastFrom(series);
      offset = 0;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  const upper: number[] = [];
  const lower: number[] = [];
  const point: number[] = [];
  for (let h = offset + 1; h <= Math.min(offset + leadSteps, path.values.length); h++) {
    upper.push(path.quantile(h, quantile));
    lower.push(path.quantile(h, 1 - quantile));
    point.push(path.values[h - 1]);
  }
  return { upper, lower, point, pathOriginMs: path.lastTimestampMs, pathValues: Array.from(path.values) };
}

function handle(request: WorkerRequest): WorkerReply | undefined {
  if (request.type === "drop") {
    fits.delete(request.key);
    return undefined;
  }
  try {
    if (request.type === "refit") {
      const started = performance.now();
      fits.delete(request.key);
      const fit = fitForecast(request.series, { horizonSteps: request.horizonSteps });
      fits.set(request.key, fit);
      const refit = {
        model: fit.model,
        lastTimestampMs: fit.lastTimestampMs,
        steps: request.series.values.length,
        backtestMeanAbsoluteError: fit.scores[0]?.meanAbsoluteError ?? NaN,
        seconds: (performance.now() - started) / 1000,
      };
      return { id: request.id, ok: true, refit };
    }
    const fit = fits.get(request.key);
    return { id: request.id, ok: true, forecast: fit ? leadForecast(fit, request.series, request.quantile, request.leadSteps) : "no-fit" };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: "Error", message: String(error) };
    return { id: request.id, ok: false, error: { name, message } };
  }
}

parentPort?.on("message", (request: WorkerRequest) => {
  const reply = handle(request);
  if (reply) parentPort!.postMessage(reply);
});
