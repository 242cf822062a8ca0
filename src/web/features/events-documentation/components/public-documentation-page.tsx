import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/alert';
import { Loading, Page, Section } from '../../../components/ui/page';
import { formatDate, formatTimeRange } from '../../../lib/format';
import { publicDocumentationQuery } from '../api';
import './documentation.css';

/** The published documentation of a public event: summary, results per session, photos (with consent), files. */
export function PublicDocumentationPage({ slug, eventId }: { slug: string; eventId: string }) {
  const { t } = useTranslation();
  const q = useQuery(publicDocumentationQuery(slug, eventId));
  if (!q.data)
    return (
      <Page title={t('eventsDocumentation.publicTitle')}>
        {q.isPending ? <Loading /> : <ErrorAlert error={q.error} />}
      </Page>
    );
  const d = q.data;
  const photos = d.files.filter((f) => f.kind === 'photo');
  const files = d.files.filter((f) => f.kind === 'file');
  return (
    <Page
      title={t('eventsDocumentation.titleOf', { title: d.title })}
      intro={`${formatTimeRange(d.startsAt, d.endsAt)}${d.venue ? `, ${d.venue}` : ''}`}
    >
      <Section title={t('eventsDocumentation.summary')} id="summary">
        <p className="kern-body bn-prose bn-doc-text">{d.documentation || t('eventsDocumentation.empty')}</p>
      </Section>
      {d.sessions.length > 0 ? (
        <Section title={t('eventsDocumentation.sessions')} id="sessions">
          {d.sessions.map((s) => (
            <article key={s.id} className="bn-doc-session" aria-labelledby={`p-${s.id}`}>
              <h3 className="kern-heading-small" id={`p-${s.id}`}>
                {s.title}
              </h3>
              <p className="kern-body bn-doc-text">{s.documentation || t('eventsDocumentation.empty')}</p>
            </article>
          ))}
        </Section>
      ) : null}
      {photos.length > 0 ? (
        <Section title={t('eventsDocumentation.photos')} id="photos">
          <ul className="bn-doc-photos">
            {photos.map((p) => (
              <li key={p.id}>
                <figure>
                  <img src={p.url} alt={p.caption || p.name} loading="lazy" />
                  {p.caption ? (
                    <figcaption className="kern-body kern-body--small">{p.caption}</figcaption>
                  ) : null}
                </figure>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {d.recommendations.length > 0 ? (
        <Section title={t('eventsDocumentation.rec.title')} id="recommendations">
          <ul className="bn-recs">
            {d.recommendations.map((r) => (
              <li key={r.title} className="bn-rec">
                <h3 className="kern-heading-x-small">{r.title}</h3>
                {r.text ? <p className="kern-body bn-doc-text">{r.text}</p> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {files.length > 0 ? (
        <Section title={t('eventsDocumentation.files')} id="files">
          <ul className="bn-doc-files__list">
            {files.map((f) => (
              <li key={f.id}>
                <a className="kern-link" href={f.url}>
                  {f.name}
                </a>
                {f.caption ? ` – ${f.caption}` : ''}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <p className="kern-body kern-body--small bn-muted">
        {t('eventsDocumentation.publishedOnDay', { date: formatDate(d.publishedAt) })}
      </p>
    </Page>
  );
}
