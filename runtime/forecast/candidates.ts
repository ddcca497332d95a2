import { holtWinters } from "./models/holt-winters";
import { lagRegression } from "./models/lag-regression";
import type { ForecastModel } from "./models/model";
import { persistence } from "./models/persistence";
import { seasonalProfile } from "./models/seasonal-profile";

/**
 * The models the engine chooses from on each series. Models whose seasonality the series cannot
 * support (too short, or a step that does not divide a day) are skipped automatically.
 */
export const PSE_CANDIDATES: readonly ForecastModel[] = [
  persistence,
  lagRegression({ daily: false, weekly: false }),
  lagRegression({ daily: true, weekly: false }),
  lagRegression({ daily: true, weekly: true }),
  seasonalProfile("daily"),
  seasonalProfile("weekly"),
  holtWinters(["daily"]),
  holtWinters(["daily", "weekly"]),
];
