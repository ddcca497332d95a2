/** Seasonal periods, in steps, that a series' step and length support. */
export interface SeasonalPeriods {
  /** Steps per day, when a day is a whole number of steps (≥ 4) and the history covers at least two days. */
  readonly daily?: number;
  /** Steps per week, when the history covers at least two weeks plus a day. */
  readonly weekly?: number;
  /** Length of the history the periods were derived from, in steps. */
  readonly historySteps?: number;
}

const DAY_SECONDS = 86_400;

export function seasonalPeriods(stepSeconds: number, length: number): SeasonalPeriods {
  const perDay = DAY_SECONDS / stepSeconds;
  if (!Number.isInteger(perDay) || perDay < 4 || length < 2 * perDay) return { historySteps: length };
  const perWeek = 7 * perDay;
  return length >= 2 * perWeek + perDay ? { daily: perDay, weekly: perWeek, historySteps: length } : { daily: perDay, historySteps: length };
}
