import { statefulKind } from "../../policies/knowledge/stateful-types";
import { PlanValue } from "../plan/model";
import { Change } from "../changes/change";

/** What makes losing a stateful resource worse, read from the change (old and new inputs, options). */
export function worseningConditions(change: Change): string[] {
  const inputs: Record<string, PlanValue>[] = [change.oldInputs, change.newInputs].filter((i): i is Record<string, PlanValue> => i !== undefined);
  const conditions: string[] = [];
  const snapshot = statefulKind(change.type)?.finalSnapshot;
  if (inputs.some((i) => i.skipFinalSnapshot === true)) conditions.push("skipFinalSnapshot is true: no final snapshot is taken");
  else if (snapshot && change.oldInputs && change.op !== "create" && (change.oldInputs[snapshot.identifierInput] ?? null) === null) {
    conditions.push(`${snapshot.identifierInput} is not set: ${snapshot.skipInput ? "the delete fails until it is, or skipFinalSnapshot makes it take no snapshot" : "no final snapshot is taken"}`);
  }
  const protectionOff = inputs.some((i) => i.deletionProtection === false);
  const protectionTurnedOff = change.oldInputs?.deletionProtection === true && change.newInputs?.deletionProtection === false;
  if (protectionTurnedOff) conditions.push("deletionProtection is turned off by this change");
  else if (protectionOff) conditions.push("deletionProtection is off");
  if (inputs.some((i) => i.forceDestroy === true || i.forceDelete === true)) conditions.push("forceDestroy/forceDelete is true: the contents are deleted with it");
  if (inputs.some((i) => i.recoveryWindowInDays === 0)) conditions.push("recoveryWindowInDays is 0: the secret is deleted at once, with no recovery window");
  if (change.protect.old === true && change.protect.new !== true) conditions.push("the `protect` option is removed by this change");
  if (change.deleteBeforeReplace) conditions.push("deleteBeforeReplace: the old resource is deleted before its replacement exists");
  return conditions;
}
