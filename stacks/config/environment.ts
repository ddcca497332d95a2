import type { Environment } from "./schema";

/** prod and dr run production: stateful resources protected, longer retention, deletion protection on. */
export function isProductionEnvironment(environment: Environment): boolean {
  return environment !== "dev";
}
