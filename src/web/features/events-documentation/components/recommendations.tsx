import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDocumentation, Recommendation } from '../../../../contracts/events-documentation';
import {
  Alert,
  Badge,
  Button,
  CheckboxField,
  ErrorAlert,
  FormDialog,
  Section,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { formatDateTime } from '../../../lib/format';
import {
  createRecommendation,
  fieldsOfActionQuery,
  handRecommendations,
  stepRecommendation,
  updateRecommendation,
} from '../api';

/* The recommendations of an event's documentation: collected per session and for the event, agreed,
 * and handed to the steering committee as agenda items of its next meeting (trace kept). */

const statusKind = { draft: 'info', agreed: 'success', handed: 'success', withdrawn: 'warning' } as const;

export function Recommendations({
  d,
  networkId,
  eventId,
  manage,
  recommend,
  onChanged,
}: {
  d: EventDocumentation;
  networkId: string;
  eventId: string;
  manage: boolean;
  recommend: boolean;
  onChanged: (m: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Recommendation | 'new' | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [handing, setHanding] = useState(false);
  const step = useMutation({
    mutationFn: ({ r, s }: { r: Recommendation; s: 'agree' | 'withdraw' }) =>
      stepRecommendation(networkId, eventId, r.id, s, r.version),
    onSuccess: (r, { s }) =>
      onChanged(
        t(s === 'agree' ? 'eventsDocumentation.rec.agreed' : 'eventsDocumentation.rec.withdrawn', {
          title: r.title,
        }),
      ),
  });
  const agreed = d.recommendations.filter((r) => r.status === 'agreed');
  const toHand = agreed.filter((r) => chosen.has(r.id));
  return (
    <Section title={t('eventsDocumentation.rec.title')} id="recommendations">
      <p className="kern-body bn-prose">{t('eventsDocumentation.rec.intro')}</p>
      <ErrorAlert error={step.error} />
      {d.recommendations.length === 0 ? (
        <p className="kern-body bn-muted">{t('eventsDocumentation.rec.none')}</p>
      ) : (
        <ul className="bn-recs">
          {d.recommendations.map((r) => (
            <li key={r.id} className="bn-rec">
              <div className="bn-rec__head">
                {manage && r.status === 'agreed' ? (
                  <CheckboxField
                    label={t('eventsDocumentation.rec.choose', { title: r.title })}
                    checked={chosen.has(r.id)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.currentTarget.checked) next.add(r.id);
                      else next.delete(r.id);
                      setChosen(next);
                    }}
                  />
                ) : (
                  <h3 className="kern-heading-x-small">{r.title}</h3>
                )}
                <Badge kind={statusKind[r.status]}>{t(`eventsDocumentation.rec.status.${r.status}`)}</Badge>
              </div>
              {r.sessionTitle ? (
                <p className="kern-body bn-muted">
                  {t('eventsDocumentation.rec.from', { title: r.sessionTitle })}
                </p>
              ) : null}
              {r.text ? <p className="kern-body bn-prose">{r.text}</p> : null}
              {r.status === 'handed' && r.meetingId ? (
                <p className="kern-body">
                  {t('eventsDocumentation.rec.handedTo')}{' '}
                  <Link
                    className="kern-link"
                    to="/n/$networkId/lenkungskreis/sitzungen/$meetingId"
                    params={{ networkId, meetingId: r.meetingId }}
                    hash={r.agendaItemId ? `item-${r.agendaItemId}` : undefined}
                  >
                    {r.meetingTitle}
                  </Link>{' '}
                  ·{' '}
                  <Link
                    className="kern-link"
                    to="/n/$networkId/verlauf/$kind/$entityId"
                    params={{ networkId, kind: 'recommendation', entityId: r.id }}
                  >
                    {t('eventsDocumentation.rec.trace', { title: r.title })}
                  </Link>
                </p>
              ) : null}
              {recommend && (r.status === 'draft' || r.status === 'agreed') ? (
                <p className="bn-rec__actions">
                  <Button variant="secondary" small onClick={() => setEditing(r)}>
                    {t('eventsDocumentation.rec.edit')}
                    <span className="kern-sr-only"> „{r.title}“</span>
                  </Button>
                  {r.status === 'draft' ? (
                    <Button small onClick={() => step.mutate({ r, s: 'agree' })} busy={step.isPending}>
                      {t('eventsDocumentation.rec.agree')}
                      <span className="kern-sr-only"> „{r.title}“</span>
                    </Button>
                  ) : null}
                  <Button variant="tertiary" small onClick={() => step.mutate({ r, s: 'withdraw' })}>
                    {t('eventsDocumentation.rec.withdraw')}
                    <span className="kern-sr-only"> „{r.title}“</span>
                  </Button>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="bn-rec__actions">
        {recommend ? (
          <Button icon="add" variant="secondary" onClick={() => setEditing('new')}>
            {t('eventsDocumentation.rec.add')}
          </Button>
        ) : null}
        {manage && agreed.length > 0 ? (
          <Button onClick={() => setHanding(true)} disabled={toHand.length === 0}>
            {t('eventsDocumentation.rec.hand', { count: toHand.length })}
          </Button>
        ) : null}
      </p>
      {editing ? (
        <RecommendationDialog
          r={editing === 'new' ? null : editing}
          d={d}
          networkId={networkId}
          eventId={eventId}
          onClose={() => setEditing(null)}
          onSaved={async (m) => {
            setEditing(null);
            await onChanged(m);
          }}
        />
      ) : null}
      {handing ? (
        <HandDialog
          d={d}
          chosen={toHand}
          networkId={networkId}
          eventId={eventId}
          onClose={() => setHanding(false)}
          onDone={async (m) => {
            setHanding(false);
            setChosen(new Set());
            await onChanged(m);
          }}
        />
      ) : null}
    </Section>
  );
}

function RecommendationDialog({
  r,
  d,
  networkId,
  eventId,
  onClose,
  onSaved,
}: {
  r: Recommendation | null;
  d: EventDocumentation;
  networkId: string;
  eventId: string;
  onClose: () => void;
  onSaved: (m: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const fields = useQuery(fieldsOfActionQuery(networkId));
  const save = useMutation({
    mutationFn: (v: { title: string; text: string; sessionId: string | null; fieldId: string | null }) =>
      r
        ? updateRecommendation(networkId, eventId, r.id, { ...v, version: r.version })
        : createRecommendation(networkId, eventId, v),
    onSuccess: (saved) => onSaved(t('eventsDocumentation.rec.saved', { title: saved.title })),
  });
  return (
    <FormDialog
      open
      title={r ? t('eventsDocumentation.rec.editTitle') : t('eventsDocumentation.rec.addTitle')}
      submitLabel={t('eventsDocumentation.rec.save')}
      busy={save.isPending}
      error={save.error}
      onClose={onClose}
      onSubmit={(e) => {
        const fd = new FormData(e.currentTarget);
        save.mutate({
          title: String(fd.get('title') ?? ''),
          text: String(fd.get('text') ?? ''),
          sessionId: String(fd.get('sessionId') ?? '') || null,
          fieldId: String(fd.get('fieldId') ?? '') || null,
        });
      }}
    >
      <TextField
        name="title"
        label={t('eventsDocumentation.rec.titleLabel')}
        defaultValue={r?.title ?? ''}
        required
      />
      <TextAreaField
        name="text"
        label={t('eventsDocumentation.rec.textLabel')}
        hint={t('eventsDocumentation.rec.textHint')}
        rows={5}
        defaultValue={r?.text ?? ''}
      />
      <SelectField
        name="sessionId"
        label={t('eventsDocumentation.rec.session')}
        defaultValue={r?.sessionId ?? ''}
        options={[
          { value: '', label: t('eventsDocumentation.rec.wholeEvent') },
          ...d.sessions.filter((s) => s.kind !== 'break').map((s) => ({ value: s.id, label: s.title })),
        ]}
      />
      <SelectField
        // Remounted once the fields have loaded, so the recommendation's own field is chosen, not "none".
        key={fields.data ? 'fields' : 'loading'}
        name="fieldId"
        label={t('eventsDocumentation.rec.field')}
        hint={t('eventsDocumentation.rec.fieldHint')}
        defaultValue={r?.fieldId ?? ''}
        options={[
          { value: '', label: t('eventsDocumentation.rec.noField') },
          ...(fields.data ?? []).map((f) => ({ value: f.id, label: f.name })),
        ]}
      />
    </FormDialog>
  );
}

function HandDialog({
  d,
  chosen,
  networkId,
  eventId,
  onClose,
  onDone,
}: {
  d: EventDocumentation;
  chosen: Recommendation[];
  networkId: string;
  eventId: string;
  onClose: () => void;
  onDone: (m: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [meetingId, setMeetingId] = useState(d.nextMeeting?.id ?? '');
  const hand = useMutation({
    mutationFn: () =>
      handRecommendations(networkId, eventId, { ids: chosen.map((r) => r.id), meetingId: meetingId || null }),
    onSuccess: (res) =>
      onDone(
        t('eventsDocumentation.rec.handed', {
          count: res.recommendations.length,
          meeting: res.meeting.title,
        }),
      ),
  });
  const meeting = d.meetings.find((m) => m.id === meetingId);
  return (
    <FormDialog
      open
      title={t('eventsDocumentation.rec.handTitle')}
      submitLabel={t('eventsDocumentation.rec.handSubmit', { count: chosen.length })}
      busy={hand.isPending}
      error={hand.error}
      onClose={onClose}
      onSubmit={() => hand.mutate()}
    >
      {d.meetings.length === 0 ? (
        <Alert kind="warning">{t('eventsDocumentation.rec.noMeeting')}</Alert>
      ) : (
        <>
          <SelectField
            label={t('eventsDocumentation.rec.meeting')}
            value={meetingId}
            onChange={(e) => setMeetingId(e.currentTarget.value)}
            options={d.meetings.map((m) => ({
              value: m.id,
              label: `${m.title} (${formatDateTime(m.startsAt)})`,
            }))}
          />
          {meeting ? (
            <p className="kern-body">
              {t('eventsDocumentation.rec.handIntro', { count: chosen.length, meeting: meeting.title })}
            </p>
          ) : null}
        </>
      )}
      <ul className="kern-body">
        {chosen.map((r) => (
          <li key={r.id}>
            {t('eventsDocumentation.rec.itemTitle', { event: d.event.title, title: r.title })}
          </li>
        ))}
      </ul>
    </FormDialog>
  );
}
