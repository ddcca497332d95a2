import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "./config/config-error";
import { loadStackConfig } from "./config/load";
import { createPlatform, PlatformOutputs } from "./platform";

/**
 * The Pulumi program: `pulumi preview/up` run it with the selected stack's config, and `icna review` runs
 * the same function offline. Invalid config stops it before any resource is registered.
 */
export default async function main(): Promise<PlatformOutputs> {
  try {
    return createPlatform(loadStackConfig(pulumi.getStack(), pulumi.runtime.allConfig()));
  } catch (error) {
    if (error instanceof ConfigError) throw new pulumi.RunError(error.message);
    throw error;
  }
}
