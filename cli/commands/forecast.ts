import * as fs from "node:fs";
import type { Command } from "commander";
import { CliError } from "../cli-error";
import { forecastFromCsv, ForecastRequestError } from "../../runtime/forecast/forecast-report";
import { SeriesCsvError } from "../../runtime/forecast/series-csv";

interface ForecastOptions {
  input: string;
  horizon: string;
  level: string;
  json?: boolean;
}

/** `icna forecast`: forecast a `timestamp,value` CSV with the Predictive Scaling Engine. */
export function registerForecast(program: Command): void {
  program
    .command("forecast")
    .description("Forecast a timestamp,value CSV (constant step, gaps allowed) with prediction intervals")
    .requiredOption("--input <csv>", "CSV file with a header and timestamp,value rows")
    .requiredOption("--horizon <minutes>", "how far ahead to forecast, in minutes")
    .option("--level <p>", "central probability of the prediction interval", "0.9")
    .option("--json", "print {step_seconds, forecast: [{timestamp, value, lower, upper}]}")
    .action((options: ForecastOptions) => {
      const horizonMinutes = Number(options.horizon);
      if (!Number.isFinite(horizonMinutes) || horizonMinutes <= 0) throw new CliError(`--horizon must be a positive number of minutes, got "${options.horizon}"`, 2);
      const intervalLevel = Number(options.level);
      if (options.level.trim() === "" || !(intervalLevel > 0 && intervalLevel < 1)) {
        throw new CliError(`--level must be a probability between 0 and 1 (exclusive), e.g. 0.9; got "${options.level}"`, 2);
      }
      let csvText: string;
      try {
        csvText = fs.readFileSync(options.input, "utf8");
      } catch (error) {
        throw new CliError(`cannot read --input ${options.input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 2);
      }
      try {
        const { report, diagnostics } = forecastFromCsv({ csvText, sourceName: options.input, horizonMinutes, intervalLevel });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(report)}\n`);
          return;
        }
        const lines = [
          `model: ${diagnostics.model} (chosen by backtest over ${diagnostics.backtestOrigins} origins); step ${report.step_seconds} s; interval ${Number((intervalLevel * 100).toPrecision(10))}%`,
          "timestamp (UTC)       value        lower        upper",
          ...report.forecast.map((p) => `${p.timestamp}  ${fmt(p.value)} ${fmt(p.lower)} ${fmt(p.upper)}`),
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
      } catch (error) {
        if (error instanceof SeriesCsvError || error instanceof ForecastRequestError) throw new CliError(error.message, 2);
        throw error;
      }
    });
}

function fmt(value: number): string {
  return value.toPrecision(6).padStart(12);
}
