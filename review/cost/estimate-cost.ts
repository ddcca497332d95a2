import { TYPES } from "../../policies/knowledge/type-tokens";
import { Change } from "../changes/change";
import { UNKNOWN } from "../plan/model";
import { CostAssumptions, DEFAULT_ASSUMPTIONS, priceResource, ResourcePrice } from "./resource-pricing";
import { PRICE_TABLE, PriceTable } from "./price-table";

/** One priced resource of the change. */
export interface CostItem {
  readonly urn: string;
  readonly name: string;
  readonly type: string;
  /** Monthly USD before the change (absent for creates). */
  readonly before?: number;
  /** Monthly USD after the change (absent for deletes). */
  readonly after?: number;
  readonly delta: number;
  readonly basis: string;
}

/** A resource that costs money but could not be priced: shown as unpriced, never counted as 0. */
export interface UnpricedItem {
  readonly urn: string;
  readonly name: string;
  readonly type: string;
  readonly reason: string;
}

/** The `cost` section of the review. */
export interface CostReport {
  readonly currency: "USD";
  /** Null when the region is unknown or not in the table: then nothing is priced. */
  readonly region: string | null;
  readonly priceTable: { readonly source: string; readonly recordedOn: string };
  /** Priced monthly totals; they exclude the unpriced resources. */
  readonly monthly: { readonly before: number; readonly after: number; readonly delta: number };
  readonly items: CostItem[];
  readonly unpriced: UnpricedItem[];
  readonly assumptions: CostAssumptions;
  /** Why nothing was priced, when that happened. */
  readonly note?: string;
}

export interface CostOptions {
  /** AWS region of the stack; when absent it is read from an `aws` provider's `region` input in the change. */
  readonly region?: string;
  readonly assumptions?: Partial<CostAssumptions>;
  readonly priceTable?: PriceTable;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The region from an explicit option or from the default AWS provider's inputs. */
export function regionOf(changes: readonly Change[], explicit?: string): string | undefined {
  if (explicit) return explicit;
  for (const change of changes) {
    if (change.type !== TYPES.awsProvider) continue;
    const region = change.newInputs?.region ?? change.oldInputs?.region;
    if (typeof region === "string" && region !== UNKNOWN) return region;
  }
  return undefined;
}

/**
 * Monthly cost before and after a change set, and its delta, from the dated price table. An offline
 * plan (all creates) gives the stack's monthly cost as `after`. A remote component (`eks:index:Cluster`)
 * is priced from its own inputs only when the change does not also show the AWS resources under it.
 */
export function estimateCost(changes: readonly Change[], options: CostOptions = {}): CostReport {
  const table = options.priceTable ?? PRICE_TABLE;
  const assumptions: CostAssumptions = { ...DEFAULT_ASSUMPTIONS, onDate: new Date().toISOString().slice(0, 10), ...options.assumptions };
  const region = regionOf(changes, options.region);
  const prices = region ? table.regions[region] : undefined;
  const base = { currency: "USD" as const, priceTable: { source: table.source, recordedOn: table.recordedOn }, assumptions };
  if (!prices) {
    const unpriced = changes.filter((c) => c.custom || c.type.startsWith("eks:index:")).map((c) => ({ urn: c.urn, name: c.name, type: c.type, reason: region ? `region ${region} is not in the price table` : "the stack's region is unknown" }));
    return { ...base, region: region ?? null, monthly: { before: 0, after: 0, delta: 0 }, items: [], unpriced, note: region ? `No prices for ${region} (table has ${Object.keys(table.regions).join(", ")}).` : "Region unknown: pass the stack's region to price it." };
  }

  const pricedParents = new Set<string>();
  for (const change of changes) {
    if (change.custom && change.parent && priceResource(change.type, change.newInputs ?? change.oldInputs, true, prices, table.hoursPerMonth, assumptions).kind === "priced") pricedParents.add(change.parent);
  }

  const items: CostItem[] = [];
  const unpriced: UnpricedItem[] = [];
  for (const change of changes) {
    if (pricedParents.has(change.urn) && !change.custom) continue;
    const hasBefore = change.op !== "create" && change.op !== "import" && change.oldInputs !== undefined;
    const hasAfter = change.op !== "delete";
    const before: ResourcePrice | undefined = hasBefore ? priceResource(change.type, change.oldInputs, change.custom, prices, table.hoursPerMonth, assumptions) : undefined;
    const after: ResourcePrice | undefined = hasAfter ? priceResource(change.type, change.newInputs, change.custom, prices, table.hoursPerMonth, assumptions) : undefined;
    const sides = [before, after].filter((p): p is ResourcePrice => p !== undefined);
    if (sides.every((p) => p.kind === "free")) continue;
    const missing = sides.find((p): p is Extract<ResourcePrice, { kind: "unpriced" }> => p.kind === "unpriced");
    if (missing) {
      unpriced.push({ urn: change.urn, name: change.name, type: change.type, reason: missing.reason });
      continue;
    }
    const monthlyOf = (p: ResourcePrice | undefined) => (p && p.kind === "priced" ? round(p.monthly) : undefined);
    const b = monthlyOf(before);
    const a = monthlyOf(after);
    const basis = (after?.kind === "priced" ? after.basis : before?.kind === "priced" ? before.basis : "") ?? "";
    items.push({ urn: change.urn, name: change.name, type: change.type, before: b, after: a, delta: round((a ?? 0) - (b ?? 0)), basis });
  }
  const sum = (pick: (i: CostItem) => number | undefined) => round(items.reduce((s, i) => s + (pick(i) ?? 0), 0));
  return { ...base, region: region ?? null, monthly: { before: sum((i) => i.before), after: sum((i) => i.after), delta: sum((i) => i.delta) }, items, unpriced };
}

/** Per-URN monthly deltas, for the cost risk rule. */
export function costDeltas(report: CostReport): Map<string, number> {
  return new Map(report.items.filter((i) => i.delta !== 0).map((i) => [i.urn, i.delta]));
}
