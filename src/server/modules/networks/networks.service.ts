/**
 * The networks module's public face: routes, other modules, app.ts and the demo import only this file.
 * The use cases live per resource: setup (first run, accounts, new networks), settings (the network and
 * a person's role in it), memberships, invitations, and me (the /api/me answer from the session).
 */
export * from './invitations.service.js';
export * from './me.js';
export * from './memberships.service.js';
export { roleLabel } from './networks.rules.js';
export * from './settings.service.js';
export * from './setup.service.js';
