import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";
import { OfflinePlan, PlanResource, PlanValue } from "./model";
import { InvokeHandler, OfflinePreviewMocks } from "./offline-mocks";
import { redactCredentials } from "../../policies/knowledge/credentials";
import { toPlanValue } from "./property-values";

/** What the offline preview runs: a Pulumi program with its stack's config, as the CLI would hand it over. */
export interface OfflinePreviewOptions {
  readonly project: string;
  readonly stack: string;
  /** Flat Pulumi config (`aws:region`, `icna:network` as JSON text, …). */
  readonly config: Record<string, string>;
  readonly secretKeys?: string[];
  /** The program: the same function Pulumi runs for `pulumi preview`; its result becomes the stack outputs. */
  readonly program: () => Promise<Record<string, unknown> | void>;
  /** Answers for data sources, derived from config. */
  readonly invokes?: Record<string, InvokeHandler>;
}

/** The parts of the SDK's RegisterResourceRequest the plan records. */
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getRemote(): boolean;
  getProtect(): boolean | undefined;
  getDependenciesList(): string[];
  getPropertydependenciesMap(): { forEach(callback: (value: { getUrnsList(): string[] }, key: string) => void): void };
  getProvider(): string;
  getDeletebeforereplace(): boolean;
  getRetainondelete(): boolean | undefined;
  getIgnorechangesList(): string[];
  getAdditionalsecretoutputsList(): string[];
  getObject(): { toJavaScript(): unknown } | undefined;
}
type Callback = (error: Error | null, response?: { getUrn(): string }) => void;
interface RecordableMonitor {
  registerResource(request: RegisterRequest, callback: Callback): void;
  registerResourceOutputs(request: { getUrn(): string; getOutputs(): { toJavaScript(): unknown } | undefined }, callback: Callback): void;
}

let running = false;

/**
 * Runs a Pulumi program under the SDK's own mocks in preview mode and records every resource
 * registration (type, parent, inputs with unknowns kept unknown, dependencies, protect).
 * One run at a time per process: the SDK's runtime state is global.
 */
export async function runOfflinePreview(options: OfflinePreviewOptions): Promise<OfflinePlan> {
  if (running) throw new Error("an offline preview is already running in this process");
  running = true;
  const resources: PlanResource[] = [];
  let outputs: Record<string, PlanValue> = {};
  try {
    pulumi.runtime.setAllConfig(options.config, options.secretKeys ?? []);
    await pulumi.runtime.setMocks(new OfflinePreviewMocks(options.invokes), options.project, options.stack, true);
    const monitor = settings.getMonitor() as unknown as RecordableMonitor;
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (request, callback) =>
      register(request, (error, response) => {
        if (!error && response) resources.push(recordResource(request, response.getUrn()));
        callback(error, response);
      });
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (request, callback) => {
      if (request.getUrn().includes("::pulumi:pulumi:Stack::")) {
        const value = toPlanValue(request.getOutputs()?.toJavaScript() ?? {});
        if (value && typeof value === "object" && !Array.isArray(value)) outputs = redactCredentials("pulumi:pulumi:Stack", value).inputs;
      }
      registerOutputs(request, callback);
    };
    // The SDK captures `new Error().stack` for every promise it makes (debugging aid only); under the mocks
    // that is a fifth of the plan's CPU time. ICNA_DEBUG=1 keeps stack traces for errors in the program.
    const stackTraceLimit = Error.stackTraceLimit;
    if (!process.env.ICNA_DEBUG) Error.stackTraceLimit = 0;
    try {
      await pulumi.runtime.runInPulumiStack(async () => (await options.program()) ?? {});
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    await settings.disconnect();
  } finally {
    running = false;
  }
  return { project: options.project, stack: options.stack, source: "offline-mocks-preview", resources, outputs };
}

function recordResource(request: RegisterRequest, urn: string): PlanResource {
  const recorded = toPlanValue(request.getObject()?.toJavaScript() ?? {});
  // A credential written into the program never reaches the plan (plan.json, --json, reports): only its path and kind do.
  const { inputs, found } = redactCredentials(request.getType(), recorded && typeof recorded === "object" && !Array.isArray(recorded) ? recorded : {});
  const optional = <T>(value: T | undefined, keep: boolean) => (keep ? value : undefined);
  const propertyDependencies: Record<string, string[]> = {};
  request.getPropertydependenciesMap().forEach((value, key) => {
    const urns = [...new Set(value.getUrnsList())];
    if (urns.length > 0) propertyDependencies[key] = urns;
  });
  return {
    urn,
    type: request.getType(),
    name: request.getName(),
    parent: request.getParent() || undefined,
    inputs,
    dependencies: [...new Set(request.getDependenciesList())],
    propertyDependencies: optional(propertyDependencies, Object.keys(propertyDependencies).length > 0),
    protect: request.getProtect() === true,
    custom: request.getCustom(),
    remote: request.getRemote(),
    provider: request.getProvider() || undefined,
    deleteBeforeReplace: optional(true, request.getDeletebeforereplace()),
    retainOnDelete: optional(true, request.getRetainondelete() === true),
    ignoreChanges: optional(request.getIgnorechangesList(), request.getIgnorechangesList().length > 0),
    additionalSecretOutputs: optional(request.getAdditionalsecretoutputsList(), request.getAdditionalsecretoutputsList().length > 0),
    credentials: optional(found, found.length > 0),
  };
}
