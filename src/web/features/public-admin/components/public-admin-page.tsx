import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageKind } from '../../../../contracts/publicsite';
import {
  Badge,
  Button,
  CheckboxField,
  ErrorAlert,
  Loading,
  Page,
  Section,
  StatusMessage,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { formatDay } from '../../../lib/format';
import {
  type BodyKind,
  type PublicSite,
  type PublicSiteInput,
  pageQuery,
  publicAdminKey,
  savePage,
  saveSite,
  siteQuery,
  type TeamMember,
} from '../api';

const pageKinds: PageKind[] = ['imprint', 'privacy', 'accessibility'];
const pageAnchors: Record<PageKind, string> = {
  imprint: 'impressum',
  privacy: 'datenschutz',
  accessibility: 'barrierefreiheit',
};
const bodyKinds: BodyKind[] = ['office', 'steering_committee', 'conference'];

/**
 * The public site as the office edits it, page by page: the network page (with the publish switch,
 * the provider's details, team, bodies and published decisions) and the three legal pages, each saved
 * with one button.
 */
export function PublicAdminPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const site = useQuery(siteQuery(networkId));
  const s = site.data;
  return (
    <Page
      title={t('publicAdmin.title')}
      intro={s ? t('publicAdmin.intro', { name: s.networkName }) : null}
      actions={
        s?.published && s.slug ? (
          <Link to="/netzwerk/$slug" params={{ slug: s.slug }} className="kern-btn kern-btn--secondary">
            <span className="kern-icon kern-icon--open-in-new" aria-hidden="true" />
            <span className="kern-label">{t('publicAdmin.view')}</span>
          </Link>
        ) : null
      }
    >
      <StatusMessage message={message} />
      <ErrorAlert error={site.error} />
      {s ? (
        <>
          <p className="bn-actions">
            {s.published ? (
              <Badge kind="success">{t('publicAdmin.published')}</Badge>
            ) : (
              <Badge kind="warning">{t('publicAdmin.notPublished')}</Badge>
            )}
          </p>
          <nav aria-label={t('publicAdmin.pagesNav')}>
            <ul className="bn-public-links">
              <li>
                <a className="kern-link" href="#netzwerkseite">
                  {t('publicAdmin.networkPage')}
                </a>
              </li>
              {pageKinds.map((k) => (
                <li key={k}>
                  <a className="kern-link" href={`#${pageAnchors[k]}`}>
                    {t(`publicSite.${k}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <NetworkPageForm key={site.dataUpdatedAt} networkId={networkId} site={s} onDone={setMessage} />
          {pageKinds.map((k) => (
            <PageEditor key={k} networkId={networkId} kind={k} onDone={setMessage} />
          ))}
        </>
      ) : site.isPending ? (
        <Loading />
      ) : null}
    </Page>
  );
}

type Done = (message: string) => void;
type Row = { key: number; function: string; name: string; phone: string; email: string };
let rowKey = 0;
const toRow = (m: TeamMember): Row => ({
  key: rowKey++,
  function: m.function,
  name: m.name ?? '',
  phone: m.phone ?? '',
  email: m.email ?? '',
});
type Details = Omit<PublicSiteInput, 'published' | 'team' | 'bodies' | 'publicDecisionIds'>;
const detailsOf = (s: PublicSite): Details => ({
  slug: s.slug ?? '',
  description: s.description,
  contactEmail: s.contactEmail ?? '',
  provider: s.provider,
  street: s.street,
  postalCode: s.postalCode,
  city: s.city,
  phone: s.phone,
  representative: s.representative,
  responsible: s.responsible,
  dataProtectionOfficer: s.dataProtectionOfficer,
});

function NetworkPageForm({ networkId, site, onDone }: { networkId: string; site: PublicSite; onDone: Done }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [published, setPublished] = useState(site.published);
  const [details, setDetails] = useState<Details>(() => detailsOf(site));
  const [rows, setRows] = useState<Row[]>(() => site.team.map(toRow));
  const [bodies, setBodies] = useState(() =>
    bodyKinds.map((kind) => {
      const b = site.bodies.find((x) => x.kind === kind);
      return { kind, name: b?.name ?? t(`publicAdmin.bodies.${kind}`), description: b?.description ?? '' };
    }),
  );
  const [chosen, setChosen] = useState(
    () => new Set(site.decisions.filter((d) => d.public).map((d) => d.id)),
  );
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const save = useMutation({
    mutationFn: (input: PublicSiteInput) => saveSite(networkId, input),
    onSuccess: async (saved) => {
      onDone(t(saved.published ? 'publicAdmin.networkPagePublished' : 'publicAdmin.networkPageSaved'));
      await qc.invalidateQueries({ queryKey: publicAdminKey(networkId) });
      await qc.invalidateQueries({ queryKey: ['public'] });
      await qc.invalidateQueries({ queryKey: ['me'] });
    },
  });

  const field = (k: keyof Details) => ({
    name: k,
    value: details[k] ?? '',
    onChange: (e: { target: { value: string } }) => setDetails((d) => ({ ...d, [k]: e.target.value })),
  });
  const setRow = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const rowName = (r: Row) => r.name.trim() || r.function.trim() || t('publicAdmin.newMember');
  function move(index: number, by: -1 | 1) {
    const row = rows[index]!;
    const next = [...rows];
    next.splice(index, 1);
    next.splice(index + by, 0, row);
    setRows(next);
    // Keep the focus on the moved row; at the edge its other button takes it.
    const target = index + by;
    const atEdge = target === 0 || target === rows.length - 1;
    setFocusId(`team-${atEdge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}-${row.key}`);
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    save.mutate({
      published,
      ...details,
      team: rows.map((r) => ({
        function: r.function.trim(),
        name: r.name.trim() || null,
        phone: r.phone.trim() || null,
        email: r.email.trim() || null,
      })),
      bodies,
      publicDecisionIds: site.decisions.filter((d) => chosen.has(d.id)).map((d) => d.id),
    });
  }

  return (
    <Section title={t('publicAdmin.networkPage')} id="netzwerkseite">
      <form className="bn-stack" onSubmit={submit} noValidate>
        <CheckboxField
          label={t('publicAdmin.publish')}
          hint={t('publicAdmin.publishHint')}
          checked={published}
          onChange={(e) => setPublished(e.target.checked)}
        />

        <fieldset className="kern-fieldset bn-row">
          <legend className="kern-label kern-label--large">{t('publicAdmin.aboutTitle')}</legend>
          <div className="bn-stack">
            <TextAreaField
              label={t('publicAdmin.description')}
              hint={t('publicAdmin.descriptionHint')}
              rows={4}
              maxLength={1000}
              {...field('description')}
            />
            <TextField
              label={t('publicAdmin.slug')}
              hint={t('publicAdmin.slugHint', { slug: details.slug || '…' })}
              autoComplete="off"
              {...field('slug')}
            />
          </div>
        </fieldset>

        <fieldset className="kern-fieldset bn-row">
          <legend className="kern-label kern-label--large">{t('publicAdmin.providerTitle')}</legend>
          <div className="bn-stack">
            <p className="kern-body">{t('publicAdmin.providerIntro')}</p>
            <TextField
              label={t('publicAdmin.provider')}
              hint={t('publicAdmin.providerHint')}
              {...field('provider')}
            />
            <TextField label={t('publicAdmin.street')} autoComplete="street-address" {...field('street')} />
            <div className="bn-row__fields">
              <TextField
                label={t('publicAdmin.postalCode')}
                inputMode="numeric"
                autoComplete="postal-code"
                maxLength={5}
                {...field('postalCode')}
              />
              <TextField label={t('publicAdmin.city')} autoComplete="address-level2" {...field('city')} />
            </div>
            <div className="bn-row__fields">
              <TextField label={t('publicAdmin.officePhone')} type="tel" {...field('phone')} />
              <TextField
                label={t('publicAdmin.contactEmail')}
                hint={t('publicAdmin.contactEmailHint')}
                type="email"
                autoComplete="off"
                {...field('contactEmail')}
              />
            </div>
            <TextField
              label={t('publicAdmin.representative')}
              hint={t('publicAdmin.representativeHint')}
              {...field('representative')}
            />
            <TextAreaField
              label={t('publicAdmin.responsible')}
              hint={t('publicAdmin.responsibleHint')}
              rows={2}
              {...field('responsible')}
            />
            <TextAreaField
              label={t('publicAdmin.dataProtectionOfficer')}
              hint={t('publicAdmin.dataProtectionOfficerHint')}
              rows={2}
              {...field('dataProtectionOfficer')}
            />
          </div>
        </fieldset>

        <fieldset className="kern-fieldset bn-row" id="public-team">
          <legend className="kern-label kern-label--large">{t('publicAdmin.teamTitle')}</legend>
          <div className="bn-stack">
            <p className="kern-body">{t('publicAdmin.teamIntro')}</p>
            {rows.length === 0 ? <p className="kern-body">{t('publicAdmin.noTeam')}</p> : null}
            {rows.map((r, i) => (
              <fieldset key={r.key} className="kern-fieldset bn-row">
                <legend className="kern-label">{rowName(r)}</legend>
                <div className="bn-row__fields bn-row__fields--four">
                  <TextField
                    id={`team-${r.key}-name`}
                    label={t('publicAdmin.name')}
                    value={r.name}
                    autoComplete="off"
                    onChange={(e) => setRow(r.key, { name: e.target.value })}
                  />
                  <TextField
                    label={t('publicAdmin.function')}
                    value={r.function}
                    required
                    onChange={(e) => setRow(r.key, { function: e.target.value })}
                  />
                  <TextField
                    label={t('publicAdmin.phone')}
                    type="tel"
                    value={r.phone}
                    autoComplete="off"
                    onChange={(e) => setRow(r.key, { phone: e.target.value })}
                  />
                  <TextField
                    label={t('publicAdmin.email')}
                    type="email"
                    value={r.email}
                    autoComplete="off"
                    onChange={(e) => setRow(r.key, { email: e.target.value })}
                  />
                </div>
                <div className="bn-actions">
                  <Button
                    id={`team-up-${r.key}`}
                    variant="tertiary"
                    small
                    icon="arrow-up"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    {t('publicAdmin.up', { name: rowName(r) })}
                  </Button>
                  <Button
                    id={`team-down-${r.key}`}
                    variant="tertiary"
                    small
                    icon="arrow-down"
                    disabled={i === rows.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    {t('publicAdmin.down', { name: rowName(r) })}
                  </Button>
                  <Button
                    variant="tertiary"
                    small
                    icon="delete"
                    onClick={() => {
                      setRows(rows.filter((x) => x.key !== r.key));
                      setFocusId('team-add');
                    }}
                  >
                    {t('publicAdmin.remove', { name: rowName(r) })}
                  </Button>
                </div>
              </fieldset>
            ))}
            <div>
              <Button
                id="team-add"
                variant="secondary"
                icon="add"
                onClick={() => {
                  const row = { key: rowKey++, function: '', name: '', phone: '', email: '' };
                  setRows([...rows, row]);
                  setFocusId(`team-${row.key}-name`);
                }}
              >
                {t('publicAdmin.addMember')}
              </Button>
            </div>
          </div>
        </fieldset>

        <fieldset className="kern-fieldset bn-row">
          <legend className="kern-label kern-label--large">{t('publicAdmin.bodiesTitle')}</legend>
          <div className="bn-stack">
            {bodies.map((b) => (
              <fieldset key={b.kind} className="kern-fieldset bn-row">
                <legend className="kern-label">{b.name || t(`publicAdmin.bodies.${b.kind}`)}</legend>
                <div className="bn-stack">
                  <TextField
                    label={t('publicAdmin.bodyName')}
                    value={b.name}
                    required
                    onChange={(e) =>
                      setBodies((bs) =>
                        bs.map((x) => (x.kind === b.kind ? { ...x, name: e.target.value } : x)),
                      )
                    }
                  />
                  <TextAreaField
                    label={t('publicAdmin.bodyDescription')}
                    value={b.description}
                    rows={4}
                    required
                    onChange={(e) =>
                      setBodies((bs) =>
                        bs.map((x) => (x.kind === b.kind ? { ...x, description: e.target.value } : x)),
                      )
                    }
                  />
                </div>
              </fieldset>
            ))}
          </div>
        </fieldset>

        <fieldset className="kern-fieldset bn-row">
          <legend className="kern-label kern-label--large">{t('publicAdmin.decisionsTitle')}</legend>
          <div className="bn-stack">
            <p className="kern-body">{t('publicAdmin.decisionsIntro')}</p>
            {site.decisions.length === 0 ? (
              <p className="kern-body">{t('publicAdmin.noDecisions')}</p>
            ) : (
              site.decisions.map((d) => (
                <CheckboxField
                  key={d.id}
                  label={t('publicAdmin.decisionLabel', {
                    number: d.number,
                    date: formatDay(d.decidedOn),
                    title: d.title,
                  })}
                  checked={chosen.has(d.id)}
                  onChange={(e) =>
                    setChosen((c) => {
                      const next = new Set(c);
                      if (e.target.checked) next.add(d.id);
                      else next.delete(d.id);
                      return next;
                    })
                  }
                />
              ))
            )}
          </div>
        </fieldset>

        <ErrorAlert error={save.error} />
        <div className="bn-form__actions">
          <Button type="submit" busy={save.isPending}>
            {t('publicAdmin.saveNetworkPage')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function PageEditor({ networkId, kind, onDone }: { networkId: string; kind: PageKind; onDone: Done }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const page = useQuery(pageQuery(networkId, kind));
  const save = useMutation({
    mutationFn: (body: string) => savePage(networkId, kind, body),
    onSuccess: async (p) => {
      onDone(t('publicAdmin.pageSaved', { title: p.title }));
      // Only this page: refetching the network page would reset its form and lose unsaved edits.
      await qc.invalidateQueries({ queryKey: pageQuery(networkId, kind).queryKey });
      await qc.invalidateQueries({ queryKey: ['public'] });
    },
  });
  const title = page.data?.title ?? t(`publicSite.${kind}`);
  const fromDetails =
    kind === 'imprint'
      ? t('publicAdmin.imprintFromDetails')
      : kind === 'privacy'
        ? t('publicAdmin.privacyFromDetails')
        : null;
  return (
    <Section title={title} id={pageAnchors[kind]}>
      {!page.data ? (
        page.isPending ? (
          <Loading />
        ) : (
          <ErrorAlert error={page.error} />
        )
      ) : (
        <form
          key={`${page.data.kind}-${page.data.isDefault}`}
          className="bn-stack"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(String(new FormData(e.currentTarget).get('body') ?? ''));
          }}
        >
          {page.data.isDefault ? (
            <p>
              <Badge kind="info">{t('publicAdmin.defaultBadge')}</Badge>
            </p>
          ) : null}
          {fromDetails ? <p className="kern-body">{fromDetails}</p> : null}
          <TextAreaField
            label={t('publicAdmin.pageText', { title })}
            hint={t('publicAdmin.legalPagesIntro')}
            name="body"
            defaultValue={page.data.body}
            rows={10}
            required
            minLength={20}
          />
          <ErrorAlert error={save.error} />
          <div className="bn-form__actions">
            <Button type="submit" busy={save.isPending}>
              {t('publicAdmin.savePage', { title })}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}
