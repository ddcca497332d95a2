/** NAB ignores the first 15% of each series (at most 750 rows) while detectors learn. */
export const PROBATION_FRACTION = 0.15;
const PROBATION_ROW_CAP = PROBATION_FRACTION * 5000;

/** Number of leading rows that are not scored. */
export function probationLength(rowCount: number): number {
  return Math.min(Math.floor(PROBATION_FRACTION * rowCount), PROBATION_ROW_CAP);
}
