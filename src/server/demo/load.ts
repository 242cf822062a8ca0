/**
 * `npm start -- --demo` runs this (compiled) before the server starts: it loads the HSK demo network
 * into the configured database and exits. A process of its own, so the server does not carry the
 * memory of a second app instance.
 */
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import { exitOnStartupError } from '../startup-errors.js';
import { seedContactsDemo } from './contacts-demo.js';
import { seedContactsListsDemo } from './contacts-lists-demo.js';
import { seedContactsPrivacyDemo } from './contacts-privacy-demo.js';
import { seedEventsCheckinDemo } from './events-checkin-demo.js';
import { seedEventsDocumentationDemo } from './events-documentation-demo.js';
import { seedEventsInvitationsDemo } from './events-invitations-demo.js';
import { seedEventsPlanningDemo } from './events-planning-demo.js';
import { seedEventsProgrammeDemo } from './events-programme-demo.js';
import { seedEventsRegistrationDemo } from './events-registration-demo.js';
import { seedPublicDemo } from './public-demo.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed.js';
import { seedSteeringDemo } from './steering-demo.js';
import { seedSurveysDemo } from './surveys-demo.js';
import { seedWorkGoalsDemo } from './work-goals-demo.js';
import { seedWorkMeetingDemo } from './work-meeting-demo.js';
import { seedWorkOrdersDemo } from './work-orders-demo.js';
import { seedWorkProjectsDemo } from './work-projects-demo.js';
import { seedWorkReportsDemo } from './work-reports-demo.js';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  exitOnStartupError(err);
}

// The demo goes through the app's own use cases, so it is what the office would have entered.
let app: Awaited<ReturnType<typeof buildApp>>;
try {
  app = await buildApp(config, { logger: false });
} catch (err) {
  exitOnStartupError(err, config);
}
const { created, networkId } = await seedDemo(app.deps.db);
await seedSteeringDemo(app.deps, networkId);
await seedWorkGoalsDemo(app.deps, networkId);
await seedWorkOrdersDemo(app.deps, networkId);
await seedWorkProjectsDemo(app.deps, networkId);
await seedWorkReportsDemo(app.deps, networkId);
await seedWorkMeetingDemo(app.deps, networkId);
await seedContactsDemo(app.deps, networkId);
await seedContactsListsDemo(app.deps, networkId);
await seedContactsPrivacyDemo(app.deps, networkId);
await seedEventsPlanningDemo(app.deps, networkId);
await seedEventsProgrammeDemo(app.deps, networkId);
await seedEventsInvitationsDemo(app.deps, networkId);
await seedEventsRegistrationDemo(app.deps, networkId);
await seedEventsCheckinDemo(app.deps, networkId);
await seedEventsDocumentationDemo(app.deps, networkId);
await seedSurveysDemo(app.deps, networkId);
await seedPublicDemo(app.deps.db, networkId);
await app.close();
console.log(created ? 'Demodaten geladen.' : 'Demodaten sind bereits vorhanden.');
console.log(`Demo-Konten (Passwort für alle: ${DEMO_PASSWORD}):`);
for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(10)} ${a.email}`);
