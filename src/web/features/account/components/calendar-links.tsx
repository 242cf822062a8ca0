import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, Section, StatusMessage, TextField } from '../../../components/ui';
import { calendarLinkQuery, rotateCalendarLink } from '../api';

type Net = { id: string; name: string };

/**
 * The member's own calendar subscription per network: only its hash is stored, so a new link is shown
 * once, right after it is made, and replaces every earlier one.
 */
export function CalendarLinks({ networks }: { networks: Net[] }) {
  const { t } = useTranslation();
  const statuses = useQueries({ queries: networks.map((n) => calendarLinkQuery(n.id)) });
  const member = networks.map((n, i) => ({ n, s: statuses[i]! })).filter(({ s }) => s.data?.memberName);
  if (statuses.some((s) => s.isPending)) return null;
  return (
    <Section title={t('personalLinks.calendarTitle')}>
      {member.length === 0 ? (
        <p className="kern-body">{t('personalLinks.calendarNone')}</p>
      ) : (
        <>
          <p className="kern-body">{t('personalLinks.calendarIntro')}</p>
          {member.map(({ n, s }) => (
            <CalendarLinkRow key={n.id} network={n} active={s.data!.active} />
          ))}
        </>
      )}
    </Section>
  );
}

function CalendarLinkRow({ network, active }: { network: Net; active: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: () => rotateCalendarLink(network.id),
    onSuccess: (r) => {
      setUrl(r.url);
      void qc.invalidateQueries({ queryKey: calendarLinkQuery(network.id).queryKey });
    },
  });
  return (
    <div className="bn-form">
      <p className="kern-body">
        {t(active ? 'personalLinks.calendarActive' : 'personalLinks.calendarMissing', {
          network: network.name,
        })}
      </p>
      <ErrorAlert error={m.error} />
      <StatusMessage message={url ? t('personalLinks.created') : null} />
      {url ? (
        <TextField
          label={t('personalLinks.newLink', { network: network.name })}
          hint={t('personalLinks.newLinkHint')}
          value={url}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : null}
      <div className="bn-form__actions">
        <Button type="button" variant="secondary" busy={m.isPending} onClick={() => m.mutate()}>
          {active || url ? t('personalLinks.rotate') : t('personalLinks.create')}
        </Button>
      </div>
    </div>
  );
}
