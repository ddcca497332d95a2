import { PolicyResource } from "../model";
import { isSecret, isUnknown, list, peek, UndecidableError } from "../values";
import { PRIVILEGE_ESCALATION_ACTIONS } from "../knowledge/iam-actions";
import { IAM_POLICY_DOCUMENT_TYPES, TYPES } from "../knowledge/type-tokens";

/** One statement of an IAM policy document, normalised (single values become lists). */
export interface Statement {
  readonly index: number;
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  /** Resource patterns; an unknown entry is kept as the UNKNOWN marker (a computed ARN). */
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  /** "*" for `Principal: "*"`, otherwise principal type → values. */
  readonly principal?: "*" | Readonly<Record<string, readonly string[]>>;
  readonly hasCondition: boolean;
  readonly condition: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

function strings(value: unknown, path: string, keepUnknown = false): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, i) => {
    if (isUnknown(item) || isSecret(item)) {
      if (keepUnknown) return String(item);
      throw new UndecidableError(`${path}[${i}]`);
    }
    if (typeof item !== "string") throw new TypeError(`${path}[${i}] should be a string but is ${JSON.stringify(item)}`);
    return item;
  });
}

function principalOf(value: unknown, path: string): Statement["principal"] {
  if (value === undefined) return undefined;
  if (isUnknown(value)) throw new UndecidableError(path);
  if (value === "*") return "*";
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new TypeError(`${path} should be "*" or an object`);
  // An unknown principal is another resource's ARN (config is known at preview), never the wildcard: keep it as a marker.
  return Object.fromEntries(Object.entries(value).map(([type, v]) => [type, strings(v, `${path}.${type}`, true)]));
}

function conditionOf(value: unknown, path: string): Statement["condition"] {
  if (value === undefined || value === null) return {};
  if (isUnknown(value)) throw new UndecidableError(path);
  if (typeof value !== "object" || Array.isArray(value)) throw new TypeError(`${path} should be an object`);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([operator, keys]) => {
      if (isUnknown(keys)) throw new UndecidableError(`${path}.${operator}`);
      if (typeof keys !== "object" || keys === null) throw new TypeError(`${path}.${operator} should be an object`);
      return [operator, Object.fromEntries(Object.entries(keys).map(([key, v]) => [key, strings(v, `${path}.${operator}.${key}`, true)]))];
    }),
  );
}

/**
 * Parses a policy document given as JSON text or as an object. Throws UndecidableError when the
 * document (or a part a rule needs) is still unknown, TypeError when it is malformed.
 */
export function parsePolicyDocument(document: unknown, path = "policy"): Statement[] {
  if (document === undefined || document === null || document === "") return [];
  if (isUnknown(document) || isSecret(document)) throw new UndecidableError(path);
  let parsed: unknown = document;
  if (typeof document === "string") {
    try {
      parsed = JSON.parse(document);
    } catch {
      throw new TypeError(`${path} is not valid JSON`);
    }
  }
  if (typeof parsed !== "object" || parsed === null) throw new TypeError(`${path} should be a policy document object`);
  const statementValue = (parsed as Record<string, unknown>).Statement;
  if (isUnknown(statementValue)) throw new UndecidableError(`${path}.Statement`);
  const raw = statementValue === undefined ? [] : Array.isArray(statementValue) ? statementValue : [statementValue];
  return raw.map((entry, index) => {
    const at = `${path}.Statement[${index}]`;
    if (isUnknown(entry)) throw new UndecidableError(at);
    if (typeof entry !== "object" || entry === null) throw new TypeError(`${at} should be an object`);
    const s = entry as Record<string, unknown>;
    if (isUnknown(s.Effect)) throw new UndecidableError(`${at}.Effect`);
    const condition = conditionOf(s.Condition, `${at}.Condition`);
    return {
      index,
      sid: typeof s.Sid === "string" ? s.Sid : undefined,
      effect: s.Effect === "Deny" ? "Deny" : "Allow",
      actions: strings(s.Action, `${at}.Action`),
      notActions: strings(s.NotAction, `${at}.NotAction`),
      resources: strings(s.Resource, `${at}.Resource`, true),
      notResources: strings(s.NotResource, `${at}.NotResource`, true),
      principal: principalOf(s.Principal, `${at}.Principal`),
      hasCondition: Object.keys(condition).length > 0,
      condition,
    };
  });
}

const compiled = new Map<string, RegExp>();

function globToRegExp(pattern: string): RegExp {
  let regexp = compiled.get(pattern);
  if (!regexp) {
    const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    regexp = new RegExp(`^${escaped}$`, "i");
    compiled.set(pattern, regexp);
  }
  return regexp;
}

/** True when an action pattern (`iam:*`, `iam:Put*`, `*`) covers the action. */
export function actionMatches(pattern: string, action: string): boolean {
  return pattern === "*" || globToRegExp(pattern).test(action);
}

/** The actions of `candidates` an Allow statement grants (NotAction grants everything it does not list). */
export function grantedActions(statement: Statement, candidates: readonly string[]): string[] {
  if (statement.effect !== "Allow") return [];
  if (statement.notActions.length > 0) return candidates.filter((a) => !statement.notActions.some((p) => actionMatches(p, a)));
  return candidates.filter((a) => statement.actions.some((p) => actionMatches(p, a)));
}

/** True when the statement applies to every resource (`*`, `arn:aws:*:*:*…`, or NotResource). */
export function unscopedResource(statement: Statement): boolean {
  if (statement.notResources.length > 0) return true;
  return statement.resources.some((r) => r === "*" || /^arn:aws[a-z-]*:\*/.test(r));
}

/** True when a resource pattern is so broad that it reaches other principals' resources (e.g. `arn:aws:iam::*:role/*`). */
export function wildcardResource(statement: Statement): boolean {
  if (unscopedResource(statement)) return true;
  return statement.resources.some((r) => !isUnknown(r) && /(:\*$|\/\*$|:\*:)/.test(r));
}

/**
 * The privilege-escalation actions an Allow statement grants on wildcard resources without a
 * condition: what both the iam-no-privilege-escalation policy and the iam-escalation risk rule flag.
 */
export function escalationActionsGranted(statement: Statement): string[] {
  if (statement.hasCondition || !wildcardResource(statement)) return [];
  return grantedActions(statement, PRIVILEGE_ESCALATION_ACTIONS);
}

/** Verbs of IAM-managing and writing actions (CKV_AWS_289/290): Put*, Create*, Delete*… */
const WRITE_VERBS = /^(Put|Create|Delete|Update|Attach|Detach|Modify|Add|Remove|Set|Tag|Untag|Associate|Disassociate|Terminate|Run|Start|Stop|Reboot|Restore|Revoke|Authorize|Replace|Register|Deregister|Enable|Disable|Import|Upload|Change|Reset|Send|Publish|Invoke|Write|Batch(Write|Delete))/;

/** True for a write or permissions-management action (by its verb), e.g. `ec2:CreateTags`. */
export function isWriteAction(action: string): boolean {
  const [, verb = ""] = action.split(":");
  return WRITE_VERBS.test(verb);
}

/** The permission policy documents a resource holds: `policy` of a policy resource, a role's inline policies. */
export function policyDocumentsOf(resource: PolicyResource): { where: string; document: unknown }[] {
  if ((IAM_POLICY_DOCUMENT_TYPES as readonly string[]).includes(resource.type)) return [{ where: "policy", document: peek(resource.props, "policy") }];
  if (resource.type === TYPES.iamRole) {
    return (list(resource.props, "inlinePolicies") ?? []).map((inline, i) => ({ where: `inlinePolicies[${i}]`, document: peek(inline, "policy") }));
  }
  return [];
}

/** Where a statement sits, for messages: `policy statement "Sid"` or `inlinePolicies[0] statement #2`. */
export function statementLabel(where: string, statement: Statement): string {
  return `${where} statement ${statement.sid ? `"${statement.sid}"` : `#${statement.index + 1}`}`;
}
