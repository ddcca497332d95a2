/** Triage ranking on BGL's alert labels (filled in with the triage engine). */
export function triageRankingTable(root: string): string {
  return `### Triage ranking\n\nNot measured yet (${root}).`;
}
