import type { Command } from "commander";
import type { ForecastOptions } from "./forecast";

/** `icna forecast`: the forecasting engine loads only when the command runs. */
export function registerForecast(program: Command): void {
  program
    .command("forecast")
    .description("Forecast a timestamp,value CSV (constant step, gaps allowed) with prediction intervals")
    .requiredOption("--input <csv>", "CSV file with a header and timestamp,value rows")
    .requiredOption("--horizon <minutes>", "how far ahead to forecast, in minutes")
    .option("--level <p>", "central probability of the prediction interval", "0.9")
    .option("--json", "print {step_seconds, forecast: [{timestamp, value, lower, upper}]}")
    .action(async (options: ForecastOptions) => {
      const { runForecast } = await import("./forecast");
      process.exitCode = runForecast(options);
    });
}
