import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageKind } from '../../../../contracts/publicsite';
import {
  Badge,
  Button,
  ErrorAlert,
  Loading,
  Page,
  Section,
  StatusMessage,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import {
  type BodyKind,
  pageQuery,
  profileQuery,
  publicAdminKey,
  saveBody,
  savePage,
  saveProfile,
  saveTeam,
  structureQuery,
  type TeamMember,
} from '../api';

const pageKinds: PageKind[] = ['imprint', 'privacy', 'accessibility'];
const bodyKinds: BodyKind[] = ['office', 'steering_committee', 'conference'];

/** What the public sees of the network: address, contact, team, bodies and the mandatory pages. */
export function PublicAdminPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const profile = useQuery(profileQuery(networkId));
  const slug = profile.data?.slug;
  return (
    <Page
      title={t('publicAdmin.title')}
      intro={t('publicAdmin.intro')}
      actions={
        slug ? (
          <Link to="/netzwerk/$slug" params={{ slug }} className="kern-btn kern-btn--secondary">
            <span className="kern-icon kern-icon--open-in-new" aria-hidden="true" />
            <span className="kern-label">{t('publicAdmin.view')}</span>
          </Link>
        ) : null
      }
    >
      <StatusMessage message={message} />
      <ErrorAlert error={profile.error} />
      {profile.isPending ? (
        <Loading />
      ) : profile.data ? (
        <ProfileForm networkId={networkId} profile={profile.data} onDone={setMessage} />
      ) : null}
      <TeamEditor networkId={networkId} onDone={setMessage} />
      <Bodies networkId={networkId} onDone={setMessage} />
      <Section title={t('publicAdmin.pagesTitle')} id="public-pages">
        <p className="kern-body">{t('publicAdmin.pagesIntro')}</p>
        <div className="bn-stack">
          {pageKinds.map((k) => (
            <PageEditor key={k} networkId={networkId} kind={k} onDone={setMessage} />
          ))}
        </div>
      </Section>
    </Page>
  );
}

type Done = (message: string) => void;

function ProfileForm({
  networkId,
  profile,
  onDone,
}: {
  networkId: string;
  profile: { slug: string | null; contactEmail: string | null };
  onDone: Done;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [slug, setSlug] = useState(profile.slug ?? '');
  const save = useMutation({
    mutationFn: (input: { slug: string; contactEmail: string }) => saveProfile(networkId, input),
    onSuccess: async () => {
      onDone(t('common.saved'));
      await qc.invalidateQueries({ queryKey: publicAdminKey(networkId) });
      await qc.invalidateQueries({ queryKey: ['me'] });
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    save.mutate({ slug: slug.trim(), contactEmail: String(fd.get('contactEmail') ?? '').trim() });
  }
  return (
    <Section title={t('publicAdmin.profileTitle')} id="public-profile">
      <form className="bn-form" onSubmit={submit}>
        <ErrorAlert error={save.error} />
        <TextField
          label={t('publicAdmin.slug')}
          name="slug"
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          required
          pattern="[a-z0-9](?:[a-z0-9\-]{0,62}[a-z0-9])?"
          hint={t('publicAdmin.slugHint', { slug: slug || '…' })}
        />
        <TextField
          label={t('publicAdmin.contactEmail')}
          name="contactEmail"
          type="email"
          autoComplete="off"
          defaultValue={profile.contactEmail ?? ''}
          hint={t('publicAdmin.contactEmailHint')}
        />
        <div className="bn-form__actions">
          <Button type="submit" busy={save.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

type Row = { key: number; function: string; name: string; phone: string; email: string };
let rowKey = 0;
const toRow = (m: TeamMember): Row => ({
  key: rowKey++,
  function: m.function,
  name: m.name ?? '',
  phone: m.phone ?? '',
  email: m.email ?? '',
});

function TeamEditor({ networkId, onDone }: { networkId: string; onDone: Done }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const structure = useQuery(structureQuery(networkId));
  const [rows, setRows] = useState<Row[] | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (structure.data && rows === null) setRows(structure.data.team.map(toRow));
  }, [structure.data, rows]);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);
  const save = useMutation({
    mutationFn: (team: TeamMember[]) => saveTeam(networkId, team),
    onSuccess: async (s) => {
      setRows(s.team.map(toRow));
      onDone(t('publicAdmin.teamSaved'));
      await qc.invalidateQueries({ queryKey: publicAdminKey(networkId) });
    },
  });
  const set = (key: number, patch: Partial<Row>) =>
    setRows((rs) => (rs ?? []).map((r) => (r.key === key ? { ...r, ...patch } : r)));
  function move(index: number, by: -1 | 1) {
    setRows((rs) => {
      const next = [...(rs ?? [])];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });
    // Keep the focus on the same button of the moved row, or the other one at the edge.
    const target = index + by;
    const last = (rows?.length ?? 1) - 1;
    const dir =
      (by === -1 && target === 0) || (by === 1 && target === last)
        ? by === -1
          ? 'down'
          : 'up'
        : by === -1
          ? 'up'
          : 'down';
    setFocusId(`team-${dir}-${rows?.[index]?.key}`);
  }
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    save.mutate(
      (rows ?? []).map((r) => ({
        function: r.function.trim(),
        name: r.name.trim() || null,
        phone: r.phone.trim() || null,
        email: r.email.trim() || null,
      })),
    );
  }
  return (
    <Section title={t('publicAdmin.teamTitle')} id="public-team">
      <ErrorAlert error={structure.error} />
      {rows === null ? (
        <Loading />
      ) : (
        <form className="bn-stack" onSubmit={submit}>
          <ErrorAlert error={save.error} />
          {rows.length === 0 ? <p className="kern-body">{t('publicAdmin.noTeam')}</p> : null}
          {rows.map((r, i) => (
            <fieldset key={r.key} className="kern-fieldset bn-row">
              <legend className="kern-label">{t('publicAdmin.teamMember', { n: i + 1 })}</legend>
              <div className="bn-row__fields bn-row__fields--four">
                <TextField
                  id={`team-${r.key}-function`}
                  label={t('publicAdmin.function')}
                  value={r.function}
                  required
                  minLength={2}
                  onChange={(e) => set(r.key, { function: e.target.value })}
                />
                <TextField
                  label={t('publicAdmin.name')}
                  value={r.name}
                  autoComplete="off"
                  onChange={(e) => set(r.key, { name: e.target.value })}
                />
                <TextField
                  label={t('publicAdmin.phone')}
                  type="tel"
                  value={r.phone}
                  autoComplete="off"
                  onChange={(e) => set(r.key, { phone: e.target.value })}
                />
                <TextField
                  label={t('publicAdmin.email')}
                  type="email"
                  value={r.email}
                  autoComplete="off"
                  onChange={(e) => set(r.key, { email: e.target.value })}
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
                  {t('publicAdmin.up', { n: i + 1 })}
                </Button>
                <Button
                  id={`team-down-${r.key}`}
                  variant="tertiary"
                  small
                  icon="arrow-down"
                  disabled={i === rows.length - 1}
                  onClick={() => move(i, 1)}
                >
                  {t('publicAdmin.down', { n: i + 1 })}
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
                  {t('publicAdmin.remove', { n: i + 1 })}
                </Button>
              </div>
            </fieldset>
          ))}
          <div className="bn-form__actions">
            <Button
              id="team-add"
              variant="secondary"
              icon="add"
              onClick={() => {
                const row = { key: rowKey++, function: '', name: '', phone: '', email: '' };
                setRows([...rows, row]);
                setFocusId(`team-${row.key}-function`);
              }}
            >
              {t('publicAdmin.addMember')}
            </Button>
            <Button type="submit" busy={save.isPending}>
              {t('publicAdmin.saveTeam')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}

function Bodies({ networkId, onDone }: { networkId: string; onDone: Done }) {
  const { t } = useTranslation();
  const structure = useQuery(structureQuery(networkId));
  return (
    <Section title={t('publicAdmin.bodiesTitle')} id="public-bodies">
      {structure.isPending ? (
        <Loading />
      ) : (
        <div className="bn-stack">
          {bodyKinds.map((k) => {
            const body = structure.data?.bodies.find((b) => b.kind === k);
            return (
              <BodyForm
                key={`${k}-${body?.name ?? ''}`}
                networkId={networkId}
                kind={k}
                name={body?.name ?? t(`publicAdmin.bodies.${k}`)}
                description={body?.description ?? ''}
                onDone={onDone}
              />
            );
          })}
        </div>
      )}
    </Section>
  );
}

function BodyForm({
  networkId,
  kind,
  name,
  description,
  onDone,
}: {
  networkId: string;
  kind: BodyKind;
  name: string;
  description: string;
  onDone: Done;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (input: { name: string; description: string }) => saveBody(networkId, kind, input),
    onSuccess: async (_, input) => {
      onDone(t('publicAdmin.bodySaved', { name: input.name }));
      await qc.invalidateQueries({ queryKey: publicAdminKey(networkId) });
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    save.mutate({ name: String(fd.get('name') ?? ''), description: String(fd.get('description') ?? '') });
  }
  return (
    <form className="kern-fieldset bn-row" onSubmit={submit} aria-labelledby={`body-${kind}`}>
      <h3 className="kern-heading-small" id={`body-${kind}`}>
        {t(`publicAdmin.bodies.${kind}`)}
      </h3>
      <div className="bn-stack">
        <ErrorAlert error={save.error} />
        <TextField label={t('publicAdmin.bodyName')} name="name" defaultValue={name} required minLength={3} />
        <TextAreaField
          label={t('publicAdmin.bodyDescription')}
          name="description"
          defaultValue={description}
          rows={4}
          required
          minLength={10}
        />
        <div className="bn-form__actions">
          <Button type="submit" busy={save.isPending}>
            {t('publicAdmin.saveBody', { name: t(`publicAdmin.bodies.${kind}`) })}
          </Button>
        </div>
      </div>
    </form>
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
      await qc.invalidateQueries({ queryKey: publicAdminKey(networkId) });
    },
  });
  if (!page.data) return page.isPending ? <Loading /> : <ErrorAlert error={page.error} />;
  const p = page.data;
  return (
    <form
      key={`${p.kind}-${p.isDefault}`}
      className="kern-fieldset bn-row"
      aria-labelledby={`page-${kind}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(String(new FormData(e.currentTarget).get('body') ?? ''));
      }}
    >
      <div className="bn-row__head">
        <h3 className="kern-heading-small" id={`page-${kind}`}>
          {p.title}
        </h3>
        {p.isDefault ? <Badge kind="info">{t('publicAdmin.defaultBadge')}</Badge> : null}
      </div>
      <div className="bn-stack">
        <ErrorAlert error={save.error} />
        <TextAreaField
          label={t('publicAdmin.pageText', { title: p.title })}
          name="body"
          defaultValue={p.body}
          rows={10}
          required
          minLength={20}
        />
        <div className="bn-form__actions">
          <Button type="submit" busy={save.isPending}>
            {t('publicAdmin.savePage', { title: p.title })}
          </Button>
        </div>
      </div>
    </form>
  );
}
