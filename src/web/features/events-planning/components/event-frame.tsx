import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui';
import { useActiveNetwork } from '../../../lib/session';
import { eventQuery } from '../api';
import { eventWhen, statusKind } from './event-when';

/** The tabs of an event's pages, in the order of the office's work. */
const tabs = [
  {
    key: 'overview',
    to: '/n/$networkId/veranstaltungen/$eventId',
    label: 'eventsPlanning.tabs.overview',
    manage: false,
  },
  {
    key: 'programme',
    to: '/n/$networkId/veranstaltungen/$eventId/programm',
    label: 'eventsPlanning.tabs.programme',
    manage: false,
  },
  {
    key: 'invitations',
    to: '/n/$networkId/veranstaltungen/$eventId/einladungen',
    label: 'eventsPlanning.tabs.invitations',
    manage: true,
  },
  {
    key: 'registrations',
    to: '/n/$networkId/veranstaltungen/$eventId/anmeldungen',
    label: 'eventsPlanning.tabs.registrations',
    manage: true,
  },
  {
    key: 'checkin',
    to: '/n/$networkId/veranstaltungen/$eventId/einlass',
    label: 'eventsPlanning.tabs.checkin',
    manage: true,
  },
  {
    key: 'documentation',
    to: '/n/$networkId/veranstaltungen/$eventId/dokumentation',
    label: 'eventsPlanning.tabs.documentation',
    manage: false,
  },
  {
    key: 'evaluation',
    to: '/n/$networkId/veranstaltungen/$eventId/auswertung',
    label: 'eventsPlanning.tabs.evaluation',
    manage: false,
  },
] as const;
export type EventTab = (typeof tabs)[number]['key'];

/**
 * The frame of every page of one event: the event's name and dates above, the tabs (Überblick, Programm,
 * Einladungen, Anmeldungen, Einlass, Dokumentation, Auswertung) as a navigation, the page below. Each page
 * renders its own h1. (The planning part fills in the event's head.)
 */
export function EventFrame({
  networkId,
  eventId,
  current,
  children,
}: {
  networkId: string;
  eventId: string;
  current: EventTab;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const network = useActiveNetwork();
  const manage = network?.permissions.includes('events.manage') ?? false;
  const event = useQuery(eventQuery(networkId, eventId));
  const e = event.data;
  return (
    <div className="bn-event-frame">
      {e ? (
        <div className="bn-event-head">
          <p className="bn-event-head__title">
            <Link to="/n/$networkId/veranstaltungen" params={{ networkId }} className="kern-link">
              {t('eventsPlanning.title')}
            </Link>
            {' › '}
            <strong>{e.title}</strong>
          </p>
          <p className="kern-body bn-event-head__facts">
            {t(`eventsPlanning.types.${e.type}`)} · {eventWhen(e.startsAt, e.endsAt)}
            {e.venue ? ` · ${e.venue}` : ''}{' '}
            {e.cancelledAt ? (
              <Badge kind="danger">{t('eventsPlanning.cancelled')}</Badge>
            ) : (
              <Badge kind={statusKind[e.status]}>{t(`eventsPlanning.statuses.${e.status}`)}</Badge>
            )}
          </p>
        </div>
      ) : null}
      <nav aria-label={t('eventsPlanning.tabs.label')} className="bn-event-tabs">
        <ul>
          {tabs
            .filter((tab) => manage || !tab.manage)
            .map((tab) => (
              <li key={tab.key}>
                <Link
                  to={tab.to}
                  params={{ networkId, eventId }}
                  aria-current={tab.key === current ? 'page' : undefined}
                  // The overview's path is the prefix of every tab's: without exact matching the router
                  // would mark it current on every page of the event.
                  activeOptions={{ exact: true }}
                  className="kern-link"
                >
                  {t(tab.label)}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
