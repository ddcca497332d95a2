import { quantileSorted } from "../forecast/statistics";

/** Drops values outside Tukey's fences [Q1 − k·IQR, Q3 + k·IQR]; returns the kept values and how many went. */
export function removeOutliers(values: readonly number[], k: number): { kept: number[]; removed: number } {
  if (values.length < 4) return { kept: [...values], removed: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  const kept = values.filter((v) => v >= q1 - k * iqr && v <= q3 + k * iqr);
  return { kept, removed: values.length - kept.length };
}
