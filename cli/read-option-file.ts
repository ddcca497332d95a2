import * as fs from "node:fs";
import { CliError } from "./cli-error";
import { ExitCode } from "./exit-codes";

/**
 * The text of a file named by an option, or a usage error naming the option, the file and why it
 * could not be read (`ENOENT`, `EACCES`…). `hint` says what to do instead, when there is more to say.
 */
export function readOptionFile(flag: string, file: string, hint?: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(`cannot read ${flag} ${file}: ${reason}${hint ? `; ${hint}` : ""}`, ExitCode.Usage);
  }
}
