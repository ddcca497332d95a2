import * as fs from "node:fs";
import * as path from "node:path";
import type { Command } from "commander";
import { CliError } from "../cli-error";
import { SeriesCsvError } from "../../runtime/forecast/series-csv";
import { renderSimulationChart } from "../../runtime/simulate/chart";
import { formatSimulationTable, simulateCsv, SimulationRequestError, type SimulationOverrides } from "../../runtime/simulate/simulate-trace";

interface SimulateOptions {
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

/** `icna simulate`: replay a load trace under a reactive HPA and under the PSE. */
export function registerSimulate(program: Command): void {
  program
    .command("simulate")
    .description("Replay a timestamp,value load trace through a cluster model under a reactive HPA and under the PSE, and compare them")
    .requiredOption("--trace <csv>", "CSV with a header and timestamp,value rows (load per step, constant step of whole minutes)")
    .option("--json", "print the comparison as JSON")
    .option("--chart <file.svg>", "where to write the SVG chart of demand, both capacities and the forecast (default: <trace name>.simulation.svg in the working directory)")
    .option("--no-chart", "write no chart")
    .option("--capacity-per-pod <load>", "load one pod serves at 100% (default: 95th percentile of the replayed demand / 20)")
    .option("--pod-startup <minutes>", "minutes from scheduling to ready", "2")
    .option("--node-provisioning <minutes>", "minutes before a new node accepts pods", "3")
    .option("--lead <minutes>", "PSE lead window (default: pod start-up + node provisioning)")
    .option("--quantile <q>", "upper forecast quantile that must fit within full capacity", "0.9")
    .option("--target <utilisation>", "target utilisation of both autoscalers", "0.7")
    .option("--days <days>", "days replayed at the end of the trace, or `half` for the whole second half (the first half is history)", "14")
    .action(async (options: SimulateOptions) => {
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
      let csvText: string;
      try {
        csvText = fs.readFileSync(options.trace, "utf8");
      } catch (error) {
        throw new CliError(`cannot read --trace ${options.trace}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 2);
      }
      let simulation;
      try {
        simulation = simulateCsv(csvText, options.trace, overrides);
      } catch (error) {
        if (error instanceof SeriesCsvError || error instanceof SimulationRequestError) throw new CliError(error.message, 2);
        throw error;
      }
      if (chart !== undefined) {
        const svg = await renderSimulationChart(simulation.result, `${options.trace}: reactive HPA vs PSE`);
        try {
          fs.writeFileSync(chart, svg);
        } catch (error) {
          throw new CliError(`cannot write --chart ${chart}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 2);
        }
      }
      process.stdout.write(
        options.json
          ? `${JSON.stringify(chart === undefined ? simulation.report : { ...simulation.report, chart })}\n`
          : `${formatSimulationTable(simulation.report)}\n${chart === undefined ? "" : `chart: ${chart}\n`}`,
      );
    });
}

/** Refuses, before a replay that may take a while, a chart file that would not be an SVG or cannot be written. */
function checkChartPath(file: string): void {
  if (!/\.svg$/i.test(file)) throw new CliError(`--chart writes SVG; name the file .svg (got ${file})`, 2);
  try {
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
  } catch (error) {
    throw new CliError(`cannot write --chart ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 2);
  }
}

function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) throw new CliError(`${name} must be a number, got "${text}"`, 2);
  return value;
}
