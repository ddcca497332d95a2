/** Weights of one NAB application profile (`config/profiles.json` → `CostMatrix`). */
export interface CostMatrix {
  /** Reward for the earliest detection in a window, scaled by its position (1.0 in every published profile). */
  readonly tpWeight: number;
  /** Penalty per false-positive row, scaled by its distance from the preceding window. */
  readonly fpWeight: number;
  /** Penalty per missed window. */
  readonly fnWeight: number;
}

/** The three published profiles, by name. */
export type ProfileName = "standard" | "reward_low_FP_rate" | "reward_low_FN_rate";

export const PROFILE_NAMES: readonly ProfileName[] = ["standard", "reward_low_FP_rate", "reward_low_FN_rate"];

/** NAB's published profiles (numenta/NAB `config/profiles.json`). */
export const NAB_PROFILES: Readonly<Record<ProfileName, CostMatrix>> = {
  standard: { tpWeight: 1.0, fpWeight: 0.11, fnWeight: 1.0 },
  reward_low_FP_rate: { tpWeight: 1.0, fpWeight: 0.22, fnWeight: 1.0 },
  reward_low_FN_rate: { tpWeight: 1.0, fpWeight: 0.11, fnWeight: 2.0 },
};
