/** Seasonal periods, in steps, that a series' step and length support. */
export interface SeasonalPeriods {
  /** Steps per day, when a day is a whole number of steps (≥ 4) and the history covers at least two days. */
  readonly daily?: number;
  /**
   * Steps per week, when a week is a whole number of steps (≥ 4) and the history covers at least two
   * weeks plus a day: with a daily season, or without one when a day is too few steps for it (daily
   * or 12-hourly data).
   */
  readonly weekly?: number;
  /** Length of the history the periods were derived from, in steps. */
  readonly historySteps?: number;
}

const DAY_SECONDS = 86_400;
const MIN_STEPS_PER_SEASON = 4;

export function seasonalPeriods(stepSeconds: number, length: number): SeasonalPeriods {
  const perDay = DAY_SECONDS / stepSeconds;
  const perWeek = (7 * DAY_SECONDS) / stepSeconds;
  const dayIsSeason = Number.isInteger(perDay) && perDay >= MIN_STEPS_PER_SEASON;
  const weekIsSeason = Number.isInteger(perWeek) && perWeek >= MIN_STEPS_PER_SEASON && (dayIsSeason || perDay < MIN_STEPS_PER_SEASON);
  const daily = dayIsSeason && length >= 2 * perDay ? { daily: perDay } : {};
  const weekly = weekIsSeason && length >= 2 * perWeek + Math.ceil(perDay) ? { weekly: perWeek } : {};
  return { ...daily, ...weekly, historySteps: length };
}
