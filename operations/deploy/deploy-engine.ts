/** An engine event as the Automation API delivers it (apitype.EngineEvent as JSON). */
export type EngineEventJson = Record<string, unknown>;

export interface PreviewRequest {
  readonly stack: string;
  /** Policy pack directories (`--policy-pack`). */
  readonly policyPacks: readonly string[];
  /** Policy pack config files (`--policy-pack-config`), one per pack. */
  readonly policyPackConfigs: readonly string[];
  /** Where the engine saves the update plan (`--save-plan`), applied later with `up --plan`. */
  readonly planPath: string;
  readonly onEvent: (event: EngineEventJson) => void;
}

export interface UpRequest {
  readonly stack: string;
  /** The plan saved by the reviewed preview: `up` applies exactly it or fails. */
  readonly planPath: string;
  readonly onEvent: (event: EngineEventJson) => void;
}

/** The Pulumi operations `icna deploy` needs; the real one drives the Pulumi CLI through the Automation API. */
export interface DeployEngine {
  preview(request: PreviewRequest): Promise<void>;
  up(request: UpRequest): Promise<{ readonly summary: Readonly<Record<string, number>> }>;
}
