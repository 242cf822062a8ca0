import type { TraceKind } from '../../../../contracts/trace';

/**
 * "Verlauf anzeigen": the link from any decision, goal, order, project or report to its trace. Every
 * page of these things shows it; its part of the issue fills it in.
 */
export function TraceLink(_p: { networkId: string; kind: TraceKind; id: string }) {
  return null;
}
