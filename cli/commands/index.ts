import type { Command } from "commander";
import { registerCutover } from "./cutover.command";
import { registerDeploy } from "./deploy.command";
import { registerDetect } from "./detect.command";
import { registerDr } from "./dr.command";
import { registerForecast } from "./forecast.command";
import { registerJudge } from "./judge.command";
import { registerLogs } from "./logs.command";
import { registerPolicy } from "./policy.command";
import { registerReview } from "./review.command";
import { registerScaler } from "./scaler.command";
import { registerSimulate } from "./simulate.command";
import { registerWatch } from "./watch.command";

/**
 * Every `icna` subcommand, registered cheaply so that `icna --help` and each command load only what they use.
 *
 * A command is two files:
 * - `<name>.command.ts` registers it: name, description, options, and an action that loads the
 *   implementation when the command runs. It imports `commander`'s types, `import type`s and, at most,
 *   option definitions shared by several commands (`cli/repeatable-option.ts`, `LLM_FLAG`):
 *
 *       .action(async (options: ForecastOptions) => {
 *         const { runForecast } = await import("./forecast");
 *         process.exitCode = runForecast(options);
 *       });
 *
 * - `<name>.ts` implements it: a function that takes the parsed options, prints, and returns an
 *   `ExitCode` (or throws a `CliError` with one). Heavy imports (Pulumi SDKs, AWS SDK, openai, gRPC,
 *   vega) belong here or deeper, never in a `.command.ts` file.
 *
 * Add the new `register<Name>` below. `npm run bench -- cli` measures start-up; a static import of an
 * implementation here or in a `.command.ts` file shows up there as a slower `icna --help`.
 */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerReview,
  registerDr,
  registerDetect,
  registerJudge,
  registerCutover,
  registerWatch,
  registerForecast,
  registerScaler,
  registerPolicy,
  registerDeploy,
  registerSimulate,
  registerLogs,
];
