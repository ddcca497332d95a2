/** How one autoscaler did over a replay. */
export interface AutoscalerOutcome {
  /** Minutes in which demand exceeded what the ready pods serve at 100%. */
  readonly underProvisionedMinutes: number;
  /** Largest (demand − ready capacity) / demand, in %. */
  readonly peakShortfallPercent: number;
  /** Pods that existed (ready or starting) × hours. */
  readonly podHours: number;
  /**
   * Per whole UTC day: minutes before the day's peak — its busiest {@link PEAK_WINDOW_MINUTES}
   * minutes — since when ready capacity has covered that window's mean demand without interruption
   * (negative: covered only that long after the window began).
   */
  readonly dailyPeakLeadMinutes: number[];
  /** The same for the day's single highest minute, bursts included. */
  readonly dailyMaxMinuteLeadMinutes: number[];
  /** Per scored day, in the order of the leads: the first minute (from the replay's start) of the day's peak window. */
  readonly dailyPeakStartMinutes: number[];
}

/** The daily peak is the busiest window of this many minutes: the daily cycle's high, not a one-off burst. */
export const PEAK_WINDOW_MINUTES = 15;

/** Leads are searched this far back: a lead of this value means "covered at least this long". */
export const MAX_LEAD_SEARCH_MINUTES = 240;

/** A lead as people read it: the search limit means "at least that long". */
export function formatLead(minutes: number): string {
  return minutes >= MAX_LEAD_SEARCH_MINUTES ? `≥${MAX_LEAD_SEARCH_MINUTES}` : String(minutes);
}
/** A day is scored for its peak only when the trace knows its demand for at least this share of its minutes. */
const MIN_KNOWN_SHARE_OF_DAY = 0.9;

/**
 * Scores a replay. `demand` and `readyCapacity` are per minute from `startMs`; `podMinutes` is the
 * sum over the scored minutes of the pods that existed. Minutes where `known` is 0 (gaps in the
 * trace: its demand is not known) are not scored, and neither is the peak of a day that is mostly gap.
 */
export function scoreOutcome(demand: Float64Array, readyCapacity: Float64Array, podMinutes: number, startMs: number, known?: Uint8Array): AutoscalerOutcome {
  const isKnown = (m: number) => known === undefined || known[m] === 1;
  let under = 0;
  let shortfall = 0;
  for (let m = 0; m < demand.length; m++) {
    if (isKnown(m) && demand[m] > readyCapacity[m] + 1e-9) {
      under++;
      shortfall = Math.max(shortfall, (demand[m] - readyCapacity[m]) / demand[m]);
    }
  }
  const firstDay = Math.round((Math.ceil(startMs / 86_400_000) * 86_400_000 - startMs) / 60_000);
  const windowMean = rollingMean(demand, PEAK_WINDOW_MINUTES);
  const peakLeads: number[] = [];
  const maxMinuteLeads: number[] = [];
  const peakStarts: number[] = [];
  for (let dayStart = firstDay; dayStart + 1440 <= demand.length; dayStart += 1440) {
    let knownMinutes = 0;
    for (let m = dayStart; m < dayStart + 1440; m++) if (isKnown(m)) knownMinutes++;
    if (knownMinutes < MIN_KNOWN_SHARE_OF_DAY * 1440) continue;
    const peakStart = argMax(windowMean, dayStart, Math.min(dayStart + 1440, windowMean.length));
    peakStarts.push(peakStart);
    peakLeads.push(leadBefore(readyCapacity, peakStart, windowMean));
    maxMinuteLeads.push(leadBefore(readyCapacity, argMax(demand, dayStart, dayStart + 1440), demand));
  }
  return { underProvisionedMinutes: under, peakShortfallPercent: 100 * shortfall, podHours: podMinutes / 60, dailyPeakLeadMinutes: peakLeads, dailyMaxMinuteLeadMinutes: maxMinuteLeads, dailyPeakStartMinutes: peakStarts };
}

/** Minutes before `peak` since when capacity has covered `level[peak]` without interruption (negative: covered only after it). */
function leadBefore(readyCapacity: Float64Array, peak: number, level: Float64Array): number {
  const covers = (m: number) => readyCapacity[m] >= level[peak] - 1e-9;
  if (covers(peak)) {
    let since = peak;
    while (since - 1 >= Math.max(0, peak - MAX_LEAD_SEARCH_MINUTES) && covers(since - 1)) since--;
    return peak - since;
  }
  let after = peak;
  while (after < Math.min(readyCapacity.length - 1, peak + MAX_LEAD_SEARCH_MINUTES) && !covers(after)) after++;
  return peak - after;
}

function argMax(values: Float64Array, from: number, to: number): number {
  let best = from;
  for (let i = from; i < to; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** mean[i] = mean of values[i … i + width − 1], for every i where the window fits. */
function rollingMean(values: Float64Array, width: number): Float64Array {
  const out = new Float64Array(Math.max(0, values.length - width + 1));
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    if (i >= width) sum -= values[i - width];
    if (i >= width - 1) out[i - width + 1] = sum / width;
  }
  return out;
}
