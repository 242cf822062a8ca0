/** Ports of one e2e run; overridable so two runs (e.g. CI in a clone) can share a machine. */
export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
