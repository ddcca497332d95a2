import * as fs from "node:fs";
import * as path from "node:path";
import { CliError } from "../cli-error";
import { readOptionFile } from "../read-option-file";
import { ExitCode } from "../exit-codes";
import { SeriesCsvError } from "../../runtime/forecast/series-csv";
import { renderSimulationChart } from "../../runtime/simulate/chart";
import { formatSimulationTable, simulateCsv, SimulationRequestError, type SimulationOverrides } from "../../runtime/simulate/simulate-trace";

export interface SimulateOptions {
  trace: string;
  json?: boolean;
  /** A path, false for `--no-chart`, undefined for the default `<trace name>.simulation.svg` in the working directory. */
  chart?: string | false;
  capacityPerPod?: string;
  podStartup?: string;
  nodeProvisioning?: string;
  lead?: string;
  quantile?: string;
  target?: string;
  days?: string;
}

/** `icna simulate`: replay a load trace under a reactive HPA and under the PSE, print the comparison and write the chart. */
export async function runSimulate(options: SimulateOptions): Promise<ExitCode> {
  const overrides: SimulationOverrides = {
    capacityPerPod: numberOption("--capacity-per-pod", options.capacityPerPod),
    podStartupMinutes: numberOption("--pod-startup", options.podStartup),
    nodeProvisioningMinutes: numberOption("--node-provisioning", options.nodeProvisioning),
    leadMinutes: numberOption("--lead", options.lead),
    quantile: numberOption("--quantile", options.quantile),
    targetUtilisation: numberOption("--target", options.target),
    days: options.days === "half" ? undefined : numberOption("--days", options.days),
    secondHalf: options.days === "half",
  };
  const chart = options.chart === false ? undefined : (options.chart ?? `${path.basename(options.trace).replace(/\.[^.]*$/, "")}.simulation.svg`);
  if (chart !== undefined) checkChartPath(chart);
  const csvText = readOptionFile("--trace", options.trace);
  let simulation;
  try {
    simulation = simulateCsv(csvText, options.trace, overrides);
  } catch (error) {
    if (error instanceof SeriesCsvError || error instanceof SimulationRequestError) throw new CliError(error.message, ExitCode.Usage);
    throw error;
  }
  if (chart !== undefined) {
    const svg = await renderSimulationChart(simulation.result, simulation.report);
    try {
      fs.writeFileSync(chart, svg);
    } catch (error) {
      throw new CliError(`cannot write --chart ${chart}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, ExitCode.Usage);
    }
  }
  process.stdout.write(
    options.json
      ? `${JSON.stringify(chart === undefined ? simulation.report : { ...simulation.report, chart })}\n`
      : `${formatSimulationTable(simulation.report)}\n${chart === undefined ? "" : `chart: ${chart}\n`}`,
  );
  return ExitCode.Success;
}

/** Refuses, before a replay that may take a while, a chart file that would not be an SVG or cannot be written. */
function checkChartPath(file: string): void {
  if (!/\.svg$/i.test(file)) throw new CliError(`--chart writes SVG; name the file .svg (got ${file})`, ExitCode.Usage);
  try {
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
  } catch (error) {
    throw new CliError(`cannot write --chart ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, ExitCode.Usage);
  }
}

function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) throw new CliError(`${name} must be a number, got "${text}"`, ExitCode.Usage);
  return value;
}
