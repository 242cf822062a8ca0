/**
 * A project's progress, rolled up from its tasks and work orders by their weights (0..100, rounded).
 * (The projects part adds the rules for bad input and its table- and property-based tests.)
 */
export function rollUp(parts: ReadonlyArray<{ weight: number; progress: number }>): number {
  const total = parts.reduce((s, p) => s + p.weight, 0);
  if (total === 0) return 0;
  return Math.round(parts.reduce((s, p) => s + p.weight * p.progress, 0) / total);
}
