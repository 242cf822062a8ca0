/** Ports of one e2e run; overridable so two runs (e.g. CI in a clone) can share a machine. */
export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
/**
 * A second, empty installation for the first-run setup journey alone. By default one below the app's
 * port: runs side by side are usually given E2E_PORT and E2E_PORT + 1 for the SMTP sink.
 */
export const SETUP_PORT = Number(process.env.E2E_SETUP_PORT ?? PORT - 1);
export const BASE_URL = `http://localhost:${PORT}`;
export const SETUP_BASE_URL = `http://localhost:${SETUP_PORT}`;
