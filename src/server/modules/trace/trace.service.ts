/**
 * The trace module's public face. (merge: the trace part's trace.service.ts carries this same line
 * among its use cases; keep theirs.)
 */
export { addTraceLink, type TraceNodeRef } from './trace.links.js';
