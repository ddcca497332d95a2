/** Commander option parser for a repeatable option (`--approve a --approve b` → `["a", "b"]`). */
export const collect = (value: string, previous: readonly string[] = []): string[] => [...previous, value];
