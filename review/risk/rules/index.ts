import { RiskRule } from "../risk-rule";
import { blastRadius } from "./blast-radius";
import { costIncrease } from "./cost-increase";
import { deleteBeforeReplace } from "./delete-before-replace";
import { deleteStateful } from "./delete-stateful";
import { iamEscalation } from "./iam-escalation";
import { kubernetesProviderReplaced } from "./kubernetes-provider-replaced";
import { policyViolations } from "./policy-violations";
import { protectRemoved } from "./protect-removed";
import { publicEndpoint } from "./public-endpoint";
import { renameRecreates } from "./rename-recreates";
import { replaceStateful } from "./replace-stateful";
import { safeguardDisabled } from "./safeguard-disabled";
import { securityGroupOpened } from "./security-group-opened";
import { plaintextCredential } from "./plaintext-credential";
import { unknownValues } from "./unknown-values";

/** Every risk rule, in the order their findings are produced (the report sorts by severity). */
export const RISK_RULES: readonly RiskRule[] = [
  replaceStateful,
  deleteStateful,
  protectRemoved,
  safeguardDisabled,
  renameRecreates,
  kubernetesProviderReplaced,
  deleteBeforeReplace,
  blastRadius,
  securityGroupOpened,
  plaintextCredential,
  publicEndpoint,
  iamEscalation,
  costIncrease,
  policyViolations,
  unknownValues,
];
