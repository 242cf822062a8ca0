/**
 * The progress reports (Sachstandsberichte) of a work order or project: the office writes one, the
 * committee reads them. Order and project pages show this card; its part of the issue fills it in.
 */
export function ReportsCard(_p: { networkId: string; subject: { orderId: string } | { projectId: string } }) {
  return null;
}
