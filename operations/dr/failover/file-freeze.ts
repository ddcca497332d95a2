import * as fs from "node:fs";
import * as path from "node:path";
import type { DeploymentFreeze, FreezeRecord } from "./ports";

/**
 * Deployment freeze as one JSON file per stack (`<dir>/<stack>.json`, by default `.icna/deploy-freeze/`).
 * Deploy commands call `assertDeployAllowed` before `pulumi up`. The file is local to the checkout that runs
 * the failover (`.icna/` is git-ignored): a team-wide freeze needs another DeploymentFreeze (e.g. an SSM
 * parameter) or the manual step of disabling the deploy workflow.
 */
export class FileDeploymentFreeze implements DeploymentFreeze {
  constructor(private readonly dir: string) {}

  private file(stack: string): string {
    return path.join(this.dir, `${stack}.json`);
  }

  async status(stack: string): Promise<FreezeRecord | undefined> {
    const file = this.file(stack);
    if (!fs.existsSync(file)) return undefined;
    return JSON.parse(await fs.promises.readFile(file, "utf8")) as FreezeRecord;
  }

  async freeze(record: FreezeRecord): Promise<void> {
    if (await this.status(record.stack)) return;
    await fs.promises.mkdir(this.dir, { recursive: true });
    await fs.promises
      .writeFile(this.file(record.stack), JSON.stringify(record, null, 2) + "\n", { flag: "wx" })
      .catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "EEXIST") throw error;
      });
  }

  async unfreeze(stack: string): Promise<void> {
    await fs.promises.rm(this.file(stack), { force: true });
  }
}

/** The freeze every command of this checkout shares: `<project>/.icna/deploy-freeze/`. */
export function projectDeploymentFreeze(projectDir: string): FileDeploymentFreeze {
  return new FileDeploymentFreeze(path.join(projectDir, ".icna", "deploy-freeze"));
}

/** Throws with the freeze's reason when deployments of the stack are frozen. */
export async function assertDeployAllowed(freeze: DeploymentFreeze, stack: string): Promise<void> {
  const record = await freeze.status(stack);
  if (record)
    throw new Error(
      `deployments of ${stack} are frozen since ${record.since} by ${record.by}: ${record.reason}. Finish or fail back the DR operation first (icna dr failback).`,
    );
}
