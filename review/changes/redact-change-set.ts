import { CredentialFinding, RECORDED_CREDENTIAL, redactCredentials, scanText } from "../../policies/knowledge/credentials";
import { Change, ChangeSet } from "./change";

/** One finding per path, the most specific kind kept (a kind named when recorded beats "redacted when recorded"). */
export function mergeCredentialFindings(findings: readonly CredentialFinding[]): CredentialFinding[] {
  const byPath = new Map<string, CredentialFinding[]>();
  for (const finding of findings) byPath.set(finding.path, [...(byPath.get(finding.path) ?? []), finding]);
  return [...byPath.values()].flatMap((list) => {
    const specific = list.filter((f) => f.kind !== RECORDED_CREDENTIAL);
    const kept = specific.length > 0 ? specific : list.slice(0, 1);
    return kept.filter((f, i) => kept.findIndex((g) => g.kind === f.kind) === i);
  });
}

/** A change whose inputs hold no plaintext credential any more: each is `[redacted]`, its path and kind kept in `credentials`. */
export function redactChange(change: Change): Change {
  const before = change.oldInputs ? redactCredentials(change.type, change.oldInputs) : undefined;
  const after = change.newInputs ? redactCredentials(change.type, change.newInputs) : undefined;
  const credentials = mergeCredentialFindings([...(change.credentials ?? []), ...(after?.found ?? [])]);
  const { credentials: _dropped, ...rest } = change;
  void _dropped;
  return {
    ...rest,
    ...(before ? { oldInputs: before.inputs } : {}),
    ...(after ? { newInputs: after.inputs } : {}),
    ...(credentials.length > 0 ? { credentials } : {}),
  };
}

const redactMessage = (message: string) => scanText(message, false).text;

/**
 * Every input format goes through here once, at the edge: inputs, engine diagnostics and policy
 * messages lose their plaintext credentials, so no renderer, log or file can print one.
 */
export function redactChangeSet(set: ChangeSet): ChangeSet {
  return {
    ...set,
    changes: set.changes.map(redactChange),
    diagnostics: set.diagnostics.map((d) => ({ ...d, message: redactMessage(d.message) })),
    policyEvents: set.policyEvents.map((e) => ({ ...e, message: redactMessage(e.message) })),
  };
}
