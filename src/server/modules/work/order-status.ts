/**
 * The one way a work order changes state (`changeOrderStatus`), for every part of the work programme:
 * the order's own page and the report taken into a meeting. Implemented in order-status.service.ts.
 */
export { changeOrderStatus } from './order-status.service.js';
