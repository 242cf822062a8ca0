export { EventFrame, type EventTab } from './components/event-frame';
export { EventPage } from './components/event-page';
export { EventsPage } from './components/events-page';
export { PublicEventsPage } from './components/public-events-page';
