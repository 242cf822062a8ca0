/* The trace module's face for other modules (the trace part adds its use cases here). */
export { addTraceLink, type TraceNodeRef } from './trace.links.js';
