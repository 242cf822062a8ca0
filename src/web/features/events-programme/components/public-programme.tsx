import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatWeekdayDate } from '../../../lib/format';
import { berlinDay, publicProgrammeQuery } from '../api';
import { time } from './programme-days';

/** The public timetable of a public event, for the public event page (its own h2; no status, no notes). */
export function PublicProgramme({ slug, eventId }: { slug: string; eventId: string }) {
  const { t } = useTranslation();
  const q = useQuery(publicProgrammeQuery(slug, eventId));
  if (q.isPending || q.isError) return null;
  const p = q.data;
  // Over several days each slot names its day.
  const severalDays = new Set(p.slots.map((s) => berlinDay(s.startsAt))).size > 1;
  return (
    <section className="bn-section" aria-labelledby="public-programme">
      <h2 className="kern-heading-medium" id="public-programme">
        {t('eventsProgramme.publicTitle')}
      </h2>
      {p.slots.length === 0 ? (
        <p className="kern-body">{t('eventsProgramme.publicEmpty')}</p>
      ) : (
        <ol className="bn-plain-list bn-timetable">
          {p.slots.map((slot) => (
            <li key={slot.startsAt} className="bn-timetable__slot">
              <h3 className="kern-heading-small">
                {severalDays ? `${formatWeekdayDate(slot.startsAt)}, ` : ''}
                {t('eventsProgramme.slot', { from: time(slot.startsAt), to: time(slot.endsAt) })}
              </h3>
              <ul className="bn-plain-list">
                {slot.sessions.map((s) => (
                  <li key={s.id} className="bn-timetable__session">
                    <p className="kern-body kern-body--bold">
                      {s.title}{' '}
                      <span className="kern-body">({t(`eventsProgramme.sessionKinds.${s.kind}`)})</span>
                    </p>
                    {s.place ? <p className="kern-body kern-body--small">{s.place}</p> : null}
                    {s.description ? <p className="kern-body kern-body--small">{s.description}</p> : null}
                    {s.speakers.length ? (
                      <p className="kern-body kern-body--small">
                        {s.speakers
                          .map((sp) => `${sp.name} (${t(`eventsProgramme.roles.${sp.role}`)})`)
                          .join(', ')}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
