import type { Command } from "commander";
import { registerReview } from "./review";
import { registerDr } from "./dr";
import { registerDetect } from "./detect";
import { registerJudge } from "./judge";
import { registerCutover } from "./cutover";
import { registerWatch } from "./watch";
import { registerForecast } from "./forecast";
import { registerScaler } from "./scaler";
import { registerDeploy } from "./deploy";
import { registerPolicy } from "./policy";
import { registerSimulate } from "./simulate";

/** Every `icna` subcommand registers itself here, one file per command. */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [registerReview, registerDr, registerDetect, registerJudge, registerCutover, registerWatch, registerForecast, registerScaler, registerPolicy, registerDeploy, registerSimulate];
