import { CliError } from "../cli-error";
import { readOptionFile } from "../read-option-file";
import { ExitCode } from "../exit-codes";
import { describeInputRepairs, forecastFromCsv, ForecastRequestError } from "../../runtime/forecast/forecast-report";
import { SeriesCsvError } from "../../runtime/forecast/series-csv";

export interface ForecastOptions {
  readonly input: string;
  readonly horizon: string;
  readonly level: string;
  readonly json?: boolean;
}

/** `icna forecast`: forecast a `timestamp,value` CSV with the Predictive Scaling Engine. */
export function runForecast(options: ForecastOptions): ExitCode {
  const horizonMinutes = Number(options.horizon);
  if (!Number.isFinite(horizonMinutes) || horizonMinutes <= 0) throw new CliError(`--horizon must be a positive number of minutes, got "${options.horizon}"`, ExitCode.Usage);
  const intervalLevel = Number(options.level);
  if (options.level.trim() === "" || !(intervalLevel > 0 && intervalLevel < 1)) {
    throw new CliError(`--level must be a probability between 0 and 1 (exclusive), e.g. 0.9; got "${options.level}"`, ExitCode.Usage);
  }
  const csvText = readOptionFile("--input", options.input);
  try {
    const { report, diagnostics } = forecastFromCsv({ csvText, sourceName: options.input, horizonMinutes, intervalLevel });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return ExitCode.Success;
    }
    const repairs = describeInputRepairs(diagnostics);
    const lines = [
      ...(repairs === undefined ? [] : [repairs]),
      `model: ${diagnostics.model} (chosen by backtest over ${diagnostics.backtestOrigins} origins); step ${report.step_seconds} s; interval ${Number((intervalLevel * 100).toPrecision(10))}%`,
      "timestamp (UTC)       value        lower        upper",
      ...report.forecast.map((p) => `${p.timestamp}  ${fmt(p.value)} ${fmt(p.lower)} ${fmt(p.upper)}`),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return ExitCode.Success;
  } catch (error) {
    if (error instanceof SeriesCsvError || error instanceof ForecastRequestError) throw new CliError(error.message, ExitCode.Usage);
    throw error;
  }
}

function fmt(value: number): string {
  return value.toPrecision(6).padStart(12);
}
