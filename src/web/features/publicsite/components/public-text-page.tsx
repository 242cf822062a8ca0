import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackInput, LegalDetails, PageKind } from '../../../../contracts/publicsite';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { Loading, Page, Section } from '../../../components/ui/page';
import { formatDate } from '../../../lib/format';
import { publicPageQuery, sendFeedback } from '../api';
import { Paragraphs, PublicNotFound } from './public-text';

/** Impressum, Datenschutz or Barrierefreiheit; the accessibility statement ends with a feedback form. */
export function PublicTextPage({ slug, kind }: { slug: string; kind: PageKind }) {
  const { t } = useTranslation(undefined, { lng: 'de' });
  const q = useQuery(publicPageQuery(slug, kind));
  const fallback = t(`publicSite.${kind}`);
  if (q.isPending) {
    return (
      <Page title={fallback}>
        <Loading />
      </Page>
    );
  }
  if (!q.data) return <PublicNotFound error={q.error} />;
  const p = q.data;
  return (
    <Page title={p.title || fallback}>
      <div className="bn-prose">
        {kind === 'accessibility' ? null : <LegalDetailsList kind={kind} legal={p.legal} />}
        <Paragraphs text={p.body} />
        {p.updatedAt ? (
          <p className="kern-body kern-body--small bn-muted">
            {t('publicSite.updated', { date: formatDate(p.updatedAt) })}
          </p>
        ) : null}
      </div>
      {kind === 'accessibility' ? <FeedbackForm slug={slug} /> : null}
    </Page>
  );
}

/**
 * The imprint's mandatory details (§ 5 DDG, § 18 Abs. 2 MStV) and the privacy notice's controller, from
 * what the office entered under "Anbieter und Kontakt"; an empty detail is left out, never explained.
 */
function LegalDetailsList({ kind, legal }: { kind: 'imprint' | 'privacy'; legal: LegalDetails }) {
  const { t } = useTranslation(undefined, { lng: 'de' });
  const place = [legal.postalCode, legal.city].filter(Boolean).join(' ');
  const address = [legal.provider, legal.street, place].filter(Boolean);
  const contact = (
    <>
      {legal.phone ? (
        <span className="bn-contact__line">
          {t('publicSite.phone')}: {legal.phone}
        </span>
      ) : null}
      {legal.email ? (
        <span className="bn-contact__line bn-break">
          {t('publicSite.email')}:{' '}
          <a className="kern-link" href={`mailto:${legal.email}`}>
            {legal.email}
          </a>
        </span>
      ) : null}
    </>
  );
  const entries: Array<[string, ReactNode]> =
    kind === 'imprint'
      ? [
          [t('publicSite.provider'), lines(address)],
          [t('publicSite.representative'), legal.representative],
          [t('publicSite.contact'), legal.phone || legal.email ? contact : null],
          [t('publicSite.responsible'), legal.responsible],
        ]
      : [
          [
            t('publicSite.controller'),
            address.length > 0 ? (
              <>
                {lines(address)}
                {contact}
              </>
            ) : null,
          ],
          [t('publicSite.dataProtectionOfficer'), legal.dataProtectionOfficer],
        ];
  const shown = entries.filter(([, v]) => v);
  if (shown.length === 0) return null;
  return (
    <dl className="bn-legal kern-body">
      {shown.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const lines = (ls: string[]) =>
  ls.length === 0
    ? null
    : ls.map((l) => (
        <span key={l} className="bn-contact__line">
          {l}
        </span>
      ));

function FeedbackForm({ slug }: { slug: string }) {
  const { t } = useTranslation(undefined, { lng: 'de' });
  const [tooShort, setTooShort] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const send = useMutation({ mutationFn: (input: FeedbackInput) => sendFeedback(slug, input) });
  useEffect(() => {
    if (send.isSuccess) doneRef.current?.focus();
  }, [send.isSuccess]);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const s = (k: string) => String(fd.get(k) ?? '').trim();
    if (s('message').length < 10) return setTooShort(true);
    setTooShort(false);
    send.mutate({
      name: s('name'),
      email: s('email'),
      message: s('message'),
      page: window.location.pathname,
      website: s('website'),
    });
  }

  return (
    <Section title={t('publicSite.feedbackTitle')} id="rueckmeldung">
      {send.isSuccess ? (
        <div ref={doneRef} tabIndex={-1}>
          <Alert kind="success">{t('publicSite.sent')}</Alert>
        </div>
      ) : (
        <>
          <p className="kern-body">{t('publicSite.feedbackIntro')}</p>
          <form className="bn-form" onSubmit={submit} noValidate>
            <ErrorAlert error={send.error} />
            <TextField label={t('publicSite.feedbackName')} name="name" autoComplete="name" />
            <TextField label={t('publicSite.feedbackEmail')} name="email" type="email" autoComplete="email" />
            <TextAreaField
              label={t('publicSite.feedbackMessage')}
              name="message"
              rows={6}
              required
              hint={t('publicSite.feedbackMessageHint')}
              error={tooShort ? t('publicSite.tooShort') : null}
            />
            {/* A field people never see or reach; robots fill it in, and the server then sends nothing. */}
            <div className="bn-honeypot" aria-hidden="true">
              <label htmlFor="feedback-website">{t('publicSite.honeypot')}</label>
              <input id="feedback-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
            </div>
            <div className="bn-form__actions">
              <Button type="submit" icon="mail" busy={send.isPending}>
                {t('publicSite.send')}
              </Button>
            </div>
          </form>
        </>
      )}
    </Section>
  );
}
