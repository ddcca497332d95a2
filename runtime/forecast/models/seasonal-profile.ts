import type { SeasonalPeriods } from "../seasonality";
import { median } from "../statistics";
import type { FittedModel, ForecastModel } from "./model";

const PROFILE_CYCLES = 4;
const DEVIATION_STEPS = 3;
const PERSISTENCES = [0.8, 0.9, 0.95, 0.98, 1];

/**
 * A robust seasonal profile (per-slot median over the last cycles, so single outliers and
 * holidays do not shape it) plus the current deviation from that profile, decaying geometrically
 * with the horizon at a rate chosen on the training data.
 */
export function seasonalProfile(season: keyof SeasonalPeriods): ForecastModel {
  return {
    name: `seasonal-profile-${season}`,
    minHistory: (periods, horizon) => (periods[season] ? 2 * periods[season]! + horizon : Infinity),
    fit: (input, fitEnd, horizon): FittedModel => {
      const period = input.periods[season]!;
      const profile = new Float64Array(period);
      const firstCycle = Math.max(0, fitEnd - PROFILE_CYCLES * period);
      for (let slot = 0; slot < period; slot++) {
        const samples: number[] = [];
        for (let t = fitEnd - 1 - ((fitEnd - 1 - slot) % period + period) % period; t >= firstCycle; t -= period) {
          if (input.observed[t]) samples.push(input.values[t]);
        }
        profile[slot] = samples.length > 0 ? median(samples) : NaN;
      }
      fillProfileHoles(profile);
      const profileAt = (t: number) => profile[t % period];
      const deviationAt = (values: Float64Array, t: number) => {
        let sum = 0;
        for (let k = 0; k < DEVIATION_STEPS; k++) sum += values[t - k] - profileAt(t - k);
        return sum / DEVIATION_STEPS;
      };
      const persistence = choosePersistence(input.values, fitEnd, horizon, period, profileAt, deviationAt);
      return {
        forecastAt: (values, origin, steps) => {
          const deviation = deviationAt(values, origin);
          const out = new Float64Array(steps);
          let decay = 1;
          for (let h = 1; h <= steps; h++) {
            decay *= persistence;
            out[h - 1] = profileAt(origin + h) + deviation * decay;
          }
          return out;
        },
      };
    },
  };
}

function fillProfileHoles(profile: Float64Array): void {
  const known = Array.from(profile).filter(Number.isFinite);
  const fallback = known.length > 0 ? median(known) : 0;
  for (let i = 0; i < profile.length; i++) if (!Number.isFinite(profile[i])) profile[i] = fallback;
}

function choosePersistence(
  values: Float64Array,
  fitEnd: number,
  horizon: number,
  period: number,
  profileAt: (t: number) => number,
  deviationAt: (values: Float64Array, t: number) => number,
): number {
  let best = PERSISTENCES[0];
  let bestError = Infinity;
  const from = Math.max(DEVIATION_STEPS, fitEnd - period - horizon);
  for (const persistence of PERSISTENCES) {
    let error = 0;
    for (let t = from; t + horizon < fitEnd; t++) {
      const forecast = profileAt(t + horizon) + deviationAt(values, t) * persistence ** horizon;
      error += Math.abs(values[t + horizon] - forecast);
    }
    if (error < bestError) [best, bestError] = [persistence, error];
  }
  return best;
}
