import * as fs from "node:fs";
import * as path from "node:path";
import type { RunbookState } from "./runbook-model";

/** Where a runbook's progress survives a crash. */
export interface StateStore {
  load(): Promise<RunbookState | undefined>;
  /** Replaces the stored state atomically (a crash leaves the previous or the new state, never half a file). */
  save(state: RunbookState): Promise<void>;
  /** Human-readable location, for messages. */
  readonly location: string;
}

export class JsonFileStateStore implements StateStore {
  constructor(readonly location: string) {}

  async load(): Promise<RunbookState | undefined> {
    if (!fs.existsSync(this.location)) return undefined;
    const text = await fs.promises.readFile(this.location, "utf8");
    try {
      return JSON.parse(text) as RunbookState;
    } catch {
      throw new Error(
        `the state file ${this.location} is not valid JSON; inspect it (the runbook never writes partial files) and remove it only if no step has run`,
      );
    }
  }

  async save(state: RunbookState): Promise<void> {
    await fs.promises.mkdir(path.dirname(this.location), { recursive: true });
    const temporary = `${this.location}.${process.pid}.tmp`;
    await fs.promises.writeFile(temporary, JSON.stringify(state, null, 2) + "\n");
    await fs.promises.rename(temporary, this.location);
  }
}
