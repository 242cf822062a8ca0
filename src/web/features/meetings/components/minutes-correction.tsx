import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  Button,
  ErrorAlert,
  Section,
  SelectField,
  StatusMessage,
  TextAreaField,
} from '../../../components/ui';
import { formatDateTime } from '../../../lib/format';
import { minutesQuery, minutesRequestsQuery, minutesUrl, requestMinutesCorrection } from '../api';

/**
 * For a committee member while the minutes of a meeting circulate: read the circulated version and ask
 * the office for a correction (optionally on one agenda item); her own requests show with the office's
 * answer. Self-contained (needs only the network, the meeting and its agenda), so it can sit on the
 * office's meeting page as well as on the member's own view of the meeting.
 */
export function MinutesCorrection({
  networkId,
  meetingId,
  status,
  items,
}: {
  networkId: string;
  meetingId: string;
  status: string;
  items: ReadonlyArray<{ id: string; number: number; title: string }>;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const drafted = status === 'minutes_drafted';
  const minutes = useQuery({ ...minutesQuery(networkId, meetingId), enabled: drafted });
  const mine = useQuery({ ...minutesRequestsQuery(networkId, meetingId), enabled: drafted });
  const ask = useMutation({
    mutationFn: (input: { text: string; itemId: string | null }) =>
      requestMinutesCorrection(networkId, meetingId, input),
    onSuccess: (list) => {
      qc.setQueryData(minutesRequestsQuery(networkId, meetingId).queryKey, list);
      setMessage(t('minutesCorrection.sent'));
    },
  });
  const circulated = (minutes.data ?? []).find((v) => v.status === 'circulated');
  if (!drafted || !circulated) return null;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    const itemId = String(fd.get('itemId') ?? '');
    ask.mutate(
      { text: String(fd.get('text') ?? ''), itemId: itemId || null },
      { onSuccess: () => form.reset() },
    );
  }

  const list = mine.data ?? [];
  return (
    <Section title={t('minutesCorrection.title')} id="minutes-circulation">
      <StatusMessage message={message} />
      <p className="kern-body">{t('minutesCorrection.intro', { version: circulated.version })}</p>
      <p>
        <a
          className="kern-link"
          href={minutesUrl(networkId, meetingId, circulated.version, 'pdf')}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('minutesCorrection.read', { version: circulated.version })}
        </a>
      </p>
      <form className="bn-form bn-form--wide" onSubmit={submit} aria-labelledby="minutes-correction-ask">
        <h3 className="kern-heading-small" id="minutes-correction-ask">
          {t('minutesCorrection.ask')}
        </h3>
        <ErrorAlert error={ask.error} />
        <SelectField
          label={t('minutesCorrection.item')}
          name="itemId"
          options={[
            { value: '', label: t('minutesCorrection.itemGeneral') },
            ...items.map((i) => ({ value: i.id, label: `TOP ${i.number} ${i.title}` })),
          ]}
        />
        <TextAreaField
          label={t('minutesCorrection.text')}
          hint={t('minutesCorrection.textHint')}
          name="text"
          rows={4}
          required
          minLength={5}
        />
        <div className="bn-form__actions">
          <Button type="submit" icon="mail" busy={ask.isPending}>
            {t('minutesCorrection.send')}
          </Button>
        </div>
      </form>
      {list.length ? (
        <section className="bn-minutes-mine" aria-labelledby="minutes-correction-mine">
          <h3 className="kern-heading-small" id="minutes-correction-mine">
            {t('minutesCorrection.yours')}
          </h3>
          <ul className="bn-minutes-requests">
            {list.map((r) => (
              <li key={r.id} className="bn-row">
                <p className="kern-body">
                  {r.itemLabel ?? t('minutesRequests.general')} · {formatDateTime(r.createdAt)}{' '}
                  <Badge
                    kind={r.status === 'open' ? 'info' : r.status === 'accepted' ? 'success' : 'warning'}
                  >
                    {t(`minutesRequests.statuses.${r.status}`)}
                  </Badge>
                </p>
                <p className="kern-body bn-pre-line">{r.text}</p>
                {r.note ? (
                  <p className="kern-body bn-muted">{t('minutesCorrection.answer', { note: r.note })}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Section>
  );
}
