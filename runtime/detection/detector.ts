/** The range a detector expected the current value to fall in. */
export interface ExpectedBand {
  readonly low: number;
  readonly high: number;
}

/** What one detector thinks of the newest point, from the past only. */
export interface DetectorReading {
  /** Surprise statistic ≥ 0 (0 = exactly as expected); comparable only within one detector. */
  readonly raw: number;
  /** The band the detector expected, when it has one. */
  readonly expected?: ExpectedBand;
  /** What the detector judged when it is not the point's own value, e.g. `{ what: "mean over 5m", value: 7.4 }`. */
  readonly judged?: { readonly what: string; readonly value: number };
  /** Which way the value moved away from the expectation. */
  readonly direction: "up" | "down" | "none";
}

/** A streaming detector: `update` sees each point once, in time order, and may only use the past. */
export interface StreamingDetector {
  /** Stable name used in explanations, e.g. `seasonal-residual`. */
  readonly name: string;
  /** What kind of anomaly this detector catches, in words, e.g. `spike`. */
  readonly catches: string;
  update(timestampMs: number, value: number): DetectorReading;
}
