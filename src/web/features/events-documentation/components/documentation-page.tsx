import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocFile, DocSession, EventDocumentation } from '../../../../contracts/events-documentation';
import {
  Badge,
  Button,
  CheckboxField,
  ErrorAlert,
  Loading,
  Page,
  Section,
  SelectField,
  StatusMessage,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { formatDateTime, formatTimeRange } from '../../../lib/format';
import { useActiveNetwork } from '../../../lib/session';
import { EventFrame } from '../../events-planning';
import {
  docFileUrl,
  documentationKey,
  documentationQuery,
  pdfUrl,
  saveSession,
  saveSummary,
  setPublished,
  updateDocFile,
  uploadDocFile,
} from '../api';
import './documentation.css';
import { Recommendations } from './recommendations';

type Props = { networkId: string; eventId: string };

/**
 * Dokumentation of one event (office; the committee reads it and works on the recommendations): the
 * results of each session with files and photos, the summary, publishing, the PDF, and the
 * recommendations handed to the steering committee.
 */
export function DocumentationPage({ networkId, eventId }: Props) {
  const { t } = useTranslation();
  const network = useActiveNetwork();
  const can = (p: string) => network?.permissions.includes(p as never) ?? false;
  const manage = can('events.manage');
  const doc = useQuery(documentationQuery(networkId, eventId));
  const qc = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const refresh = async (msg: string) => {
    await qc.invalidateQueries({ queryKey: documentationKey(networkId, eventId) });
    setMessage(msg);
  };
  const publish = useMutation({
    mutationFn: (on: boolean) => setPublished(networkId, eventId, on),
    onSuccess: (_d, on) =>
      refresh(t(on ? 'eventsDocumentation.published' : 'eventsDocumentation.unpublished')),
  });
  const d = doc.data;
  return (
    <EventFrame networkId={networkId} eventId={eventId} current="documentation">
      <Page
        title={
          d ? t('eventsDocumentation.titleOf', { title: d.event.title }) : t('eventsDocumentation.title')
        }
        actions={
          d ? (
            <div className="bn-doc-actions">
              <a className="kern-btn kern-btn--secondary" href={pdfUrl(networkId, eventId)} download>
                <span className="kern-icon kern-icon--download" aria-hidden="true" />
                <span className="kern-label">{t('eventsDocumentation.pdf')}</span>
              </a>
              {manage && d.event.public ? (
                <Button
                  variant={d.event.documentationPublishedAt ? 'secondary' : 'primary'}
                  busy={publish.isPending}
                  onClick={() => publish.mutate(!d.event.documentationPublishedAt)}
                >
                  {t(
                    d.event.documentationPublishedAt
                      ? 'eventsDocumentation.unpublish'
                      : 'eventsDocumentation.publish',
                  )}
                </Button>
              ) : null}
            </div>
          ) : null
        }
      >
        <StatusMessage message={message} />
        <ErrorAlert error={doc.error ?? publish.error} />
        {!d ? (
          doc.isPending ? (
            <Loading />
          ) : null
        ) : (
          <>
            <p className="kern-body">
              {formatTimeRange(d.event.startsAt, d.event.endsAt)}
              {d.event.venue ? `, ${d.event.venue}` : ''} ·{' '}
              {d.event.documentationPublishedAt ? (
                <Badge kind="success">
                  {t('eventsDocumentation.publishedOn', {
                    at: formatDateTime(d.event.documentationPublishedAt),
                  })}
                </Badge>
              ) : (
                <Badge kind="info">
                  {t(d.event.public ? 'eventsDocumentation.notPublished' : 'eventsDocumentation.internal')}
                </Badge>
              )}
            </p>
            <Summary d={d} networkId={networkId} eventId={eventId} manage={manage} onSaved={refresh} />
            <Section title={t('eventsDocumentation.sessions')} id="sessions">
              {d.sessions.filter((s) => s.kind !== 'break').length === 0 ? (
                <p className="kern-body bn-muted">{t('eventsDocumentation.noSessions')}</p>
              ) : null}
              {d.sessions
                .filter((s) => s.kind !== 'break')
                .map((s) => (
                  <SessionDoc
                    key={s.id}
                    s={s}
                    files={d.files.filter((f) => f.sessionId === s.id)}
                    networkId={networkId}
                    eventId={eventId}
                    manage={manage}
                    onSaved={refresh}
                  />
                ))}
            </Section>
            <Recommendations
              d={d}
              networkId={networkId}
              eventId={eventId}
              manage={manage}
              recommend={can('events.recommend')}
              onChanged={refresh}
            />
          </>
        )}
      </Page>
    </EventFrame>
  );
}

function Summary({
  d,
  networkId,
  eventId,
  manage,
  onSaved,
}: {
  d: EventDocumentation;
  networkId: string;
  eventId: string;
  manage: boolean;
  onSaved: (m: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const save = useMutation({
    mutationFn: (text: string) =>
      saveSummary(networkId, eventId, { documentation: text, version: d.event.version }),
    onSuccess: () => onSaved(t('eventsDocumentation.summarySaved')),
  });
  return (
    <Section title={t('eventsDocumentation.summary')} id="summary">
      {manage ? (
        <form
          className="bn-stack bn-doc-edit"
          key={d.event.version}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(String(new FormData(e.currentTarget).get('summary') ?? ''));
          }}
        >
          <ErrorAlert error={save.error} />
          <TextAreaField
            name="summary"
            label={t('eventsDocumentation.summaryLabel')}
            rows={8}
            defaultValue={d.event.documentation}
          />
          <p>
            <Button type="submit" busy={save.isPending}>
              {t('eventsDocumentation.saveSummary')}
            </Button>
          </p>
        </form>
      ) : (
        <p className="kern-body bn-prose bn-doc-text">
          {d.event.documentation || t('eventsDocumentation.empty')}
        </p>
      )}
      <Files
        files={d.files.filter((f) => !f.sessionId)}
        networkId={networkId}
        eventId={eventId}
        manage={manage}
        sessionId={null}
        label={t('eventsDocumentation.eventFiles')}
        onSaved={onSaved}
      />
    </Section>
  );
}

function SessionDoc({
  s,
  files,
  networkId,
  eventId,
  manage,
  onSaved,
}: {
  s: DocSession;
  files: DocFile[];
  networkId: string;
  eventId: string;
  manage: boolean;
  onSaved: (m: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const save = useMutation({
    mutationFn: (text: string) =>
      saveSession(networkId, eventId, s.id, { documentation: text, version: s.version }),
    onSuccess: () => onSaved(t('eventsDocumentation.sessionSaved', { title: s.title })),
  });
  return (
    <article className="bn-doc-session" aria-labelledby={`session-${s.id}`}>
      <h3 className="kern-heading-small" id={`session-${s.id}`}>
        {s.title}
      </h3>
      <p className="kern-body bn-muted">
        {t(`eventsDocumentation.kind.${s.kind}`)} · {formatTimeRange(s.startsAt, s.endsAt)}
      </p>
      {manage ? (
        <form
          className="bn-stack bn-doc-edit"
          key={s.version}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(String(new FormData(e.currentTarget).get('results') ?? ''));
          }}
        >
          <ErrorAlert error={save.error} />
          <TextAreaField
            name="results"
            label={t('eventsDocumentation.resultsOf', { title: s.title })}
            rows={7}
            defaultValue={s.documentation}
          />
          <p>
            <Button type="submit" small busy={save.isPending}>
              {t('eventsDocumentation.saveResults')}
            </Button>
          </p>
        </form>
      ) : (
        <p className="kern-body bn-prose bn-doc-text">{s.documentation || t('eventsDocumentation.empty')}</p>
      )}
      <Files
        files={files}
        networkId={networkId}
        eventId={eventId}
        manage={manage}
        sessionId={s.id}
        label={t('eventsDocumentation.filesOf', { title: s.title })}
        onSaved={onSaved}
      />
    </article>
  );
}

function Files({
  files,
  networkId,
  eventId,
  manage,
  sessionId,
  label,
  onSaved,
}: {
  files: DocFile[];
  networkId: string;
  eventId: string;
  manage: boolean;
  sessionId: string | null;
  label: string;
  onSaved: (m: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'file' | 'photo'>('file');
  const upload = useMutation({
    mutationFn: (input: { file: File; caption: string; photoConsent: boolean }) =>
      uploadDocFile(networkId, eventId, { sessionId, kind, ...input }),
    onSuccess: (f) => onSaved(t('eventsDocumentation.uploaded', { name: f.name })),
  });
  const consent = useMutation({
    mutationFn: (f: DocFile) => updateDocFile(networkId, eventId, f.id, { photoConsent: !f.photoConsent }),
    onSuccess: (f) =>
      onSaved(t(f.photoConsent ? 'eventsDocumentation.consentOn' : 'eventsDocumentation.consentOff')),
  });
  const idp = sessionId ?? 'event';
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    const file = fd.get('file');
    if (!(file instanceof File) || file.size === 0) {
      upload.reset();
      return;
    }
    upload.mutate(
      { file, caption: String(fd.get('caption') ?? ''), photoConsent: fd.get('photoConsent') === 'on' },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <div className="bn-doc-files">
      <h4 className="kern-heading-x-small">{label}</h4>
      {files.length === 0 ? (
        <p className="kern-body bn-muted">{t('eventsDocumentation.noFiles')}</p>
      ) : (
        <ul className="bn-doc-files__list">
          {files.map((f) => (
            <li key={f.id}>
              <a
                className={f.kind === 'photo' ? 'kern-link bn-doc-files__photo' : 'kern-link'}
                href={docFileUrl(networkId, eventId, f.id)}
              >
                {/* A photo shows itself; the link's name stays the file's name. */}
                {f.kind === 'photo' ? (
                  <img
                    className="bn-doc-files__thumb"
                    src={docFileUrl(networkId, eventId, f.id)}
                    alt=""
                    loading="lazy"
                  />
                ) : null}
                {f.name}
              </a>{' '}
              {f.caption ? <span className="kern-body">– {f.caption} </span> : null}
              {f.kind === 'photo' ? (
                <Badge kind={f.photoConsent ? 'success' : 'warning'}>
                  {t(
                    f.photoConsent ? 'eventsDocumentation.withConsent' : 'eventsDocumentation.withoutConsent',
                  )}
                </Badge>
              ) : null}
              {manage && f.kind === 'photo' ? (
                <Button variant="tertiary" small onClick={() => consent.mutate(f)} busy={consent.isPending}>
                  {t(
                    f.photoConsent
                      ? 'eventsDocumentation.revokeConsent'
                      : 'eventsDocumentation.confirmConsent',
                    {
                      name: f.name,
                    },
                  )}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={consent.error} />
      {manage ? (
        <form className="bn-doc-upload" onSubmit={submit}>
          <ErrorAlert error={upload.error} />
          <div className="kern-form-input">
            <label className="kern-label" htmlFor={`file-${idp}`}>
              {t('eventsDocumentation.chooseFile')}
            </label>
            <input id={`file-${idp}`} name="file" type="file" className="kern-form-input__input" required />
          </div>
          <SelectField
            name="kind"
            label={t('eventsDocumentation.fileKind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as 'file' | 'photo')}
            options={[
              { value: 'file', label: t('eventsDocumentation.kindFile') },
              { value: 'photo', label: t('eventsDocumentation.kindPhoto') },
            ]}
          />
          <TextField name="caption" label={t('eventsDocumentation.caption')} maxLength={300} />
          {kind === 'photo' ? (
            <CheckboxField
              name="photoConsent"
              label={t('eventsDocumentation.photoConsent')}
              hint={t('eventsDocumentation.photoConsentHint')}
            />
          ) : null}
          <p>
            <Button
              type="submit"
              variant="secondary"
              small
              icon="drive-folder-upload"
              busy={upload.isPending}
            >
              {t('eventsDocumentation.upload')}
            </Button>
          </p>
        </form>
      ) : null}
    </div>
  );
}
