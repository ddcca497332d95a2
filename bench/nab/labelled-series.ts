/** One NAB series with its anomaly windows, ready to be scored. */
export interface LabelledSeries {
  /** Corpus-relative name, e.g. `realKnownCause/nyc_taxi.csv`. */
  readonly name: string;
  /** Row timestamps, epoch milliseconds, ascending. */
  readonly timestamps: readonly number[];
  /** Anomaly windows as [first, last] timestamps (inclusive, both present in `timestamps`). */
  readonly windows: ReadonlyArray<readonly [number, number]>;
}
