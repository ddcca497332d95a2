import { PreviewInputError } from "./preview-input-error";

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Reads an optional string field; anything else but a string fails with the field's path. */
export function optionalString(object: JsonObject, key: string, where: string, label: string): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new PreviewInputError(`${label}: ${where}.${key} must be a string, got ${JSON.stringify(value).slice(0, 60)}`);
  return value;
}

export function requiredString(object: JsonObject, key: string, where: string, label: string): string {
  const value = optionalString(object, key, where, label);
  if (value === undefined || value === "") throw new PreviewInputError(`${label}: ${where}.${key} is missing; every step needs its op and urn`);
  return value;
}

export function optionalStringList(object: JsonObject, key: string, where: string, label: string): string[] | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw new PreviewInputError(`${label}: ${where}.${key} must be a list of property names`);
  return value as string[];
}

export function optionalObject(object: JsonObject, key: string, where: string, label: string): JsonObject | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new PreviewInputError(`${label}: ${where}.${key} must be an object`);
  return value;
}
