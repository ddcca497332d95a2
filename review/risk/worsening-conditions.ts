import { PlanValue } from "../plan/model";
import { Change } from "../changes/change";

/** What makes losing a stateful resource worse, read from the change (old and new inputs, options). */
export function worseningConditions(change: Change): string[] {
  const inputs: Record<string, PlanValue>[] = [change.oldInputs, change.newInputs].filter((i): i is Record<string, PlanValue> => i !== undefined);
  const conditions: string[] = [];
  if (inputs.some((i) => i.skipFinalSnapshot === true)) conditions.push("skipFinalSnapshot is true: no final snapshot is taken");
  const protectionOff = inputs.some((i) => i.deletionProtection === false);
  const protectionTurnedOff = change.oldInputs?.deletionProtection === true && change.newInputs?.deletionProtection === false;
  if (protectionTurnedOff) conditions.push("deletionProtection is turned off by this change");
  else if (protectionOff) conditions.push("deletionProtection is off");
  if (inputs.some((i) => i.forceDestroy === true)) conditions.push("forceDestroy is true: the bucket is emptied and deleted");
  if (change.protect.old === true && change.protect.new !== true) conditions.push("the `protect` option is removed by this change");
  if (change.deleteBeforeReplace) conditions.push("deleteBeforeReplace: the old resource is deleted before its replacement exists");
  return conditions;
}
