import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, AgendaItemInput } from '../../../../contracts/steering';
import {
  Button,
  CheckboxField,
  ErrorAlert,
  FormDialog,
  Section,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { formatDate, formatDateTime } from '../../../lib/format';
import {
  meetingFieldsQuery,
  meetingsQuery,
  moveItem,
  paperUrl,
  reorderItems,
  saveItem,
  uploadPaper,
} from '../api';
import { DecisionPanel } from './decisions';
import { berlinLocal, decisionTypes, formatMeetingDay, ItemStatusBadge, itemKinds, planning } from './labels';
import type { MeetingCtx } from './meeting-page';

type Dialog =
  | { kind: 'item'; item: AgendaItem | null }
  | { kind: 'upload'; item: AgendaItem }
  | { kind: 'move'; item: AgendaItem };

/** The agenda: numbered items with their papers; while planning, add, edit, reorder and move them. */
export function AgendaSection({ ctx }: { ctx: MeetingCtx }) {
  const { t } = useTranslation();
  const { networkId, meeting: m, manage } = ctx;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const editable = manage && planning(m);

  const reorder = useMutation({
    mutationFn: (ids: string[]) => reorderItems(networkId, m.id, ids),
    onSuccess: async () => {
      ctx.say(t('meetings.reordered'));
      await ctx.refresh();
    },
  });
  function shift(index: number, by: -1 | 1) {
    const ids = m.items.map((i) => i.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    reorder.mutate(ids);
  }

  return (
    <Section title={t('meetings.agenda')} id="meeting-agenda">
      <ErrorAlert error={reorder.error} />
      {m.items.length === 0 ? <p className="kern-body">{t('meetings.noItems')}</p> : null}
      <ol className="bn-plain-list bn-agenda">
        {m.items.map((item, index) => (
          <li key={item.id}>
            <ItemCard
              ctx={ctx}
              item={item}
              actions={
                editable ? (
                  <div className="bn-actions">
                    <Button
                      variant="secondary"
                      small
                      icon="edit"
                      aria-label={t('meetings.editItemLabel', { number: item.number })}
                      onClick={() => setDialog({ kind: 'item', item })}
                    >
                      {t('meetings.editItem')}
                    </Button>
                    <Button
                      variant="tertiary"
                      small
                      icon="arrow-up"
                      disabled={index === 0 || reorder.isPending}
                      aria-label={t('meetings.upLabel', { number: item.number })}
                      onClick={() => shift(index, -1)}
                    >
                      {t('meetings.up')}
                    </Button>
                    <Button
                      variant="tertiary"
                      small
                      icon="arrow-down"
                      disabled={index === m.items.length - 1 || reorder.isPending}
                      aria-label={t('meetings.downLabel', { number: item.number })}
                      onClick={() => shift(index, 1)}
                    >
                      {t('meetings.down')}
                    </Button>
                    {item.status === 'open' ? (
                      <>
                        <Button
                          variant="tertiary"
                          small
                          icon="drive-folder-upload"
                          aria-label={t('meetings.uploadLabel', { number: item.number })}
                          onClick={() => setDialog({ kind: 'upload', item })}
                        >
                          {t('meetings.upload')}
                        </Button>
                        <Button
                          variant="tertiary"
                          small
                          icon="arrow-forward"
                          aria-label={t('meetings.moveLabel', { number: item.number })}
                          onClick={() => setDialog({ kind: 'move', item })}
                        >
                          {t('meetings.move')}
                        </Button>
                      </>
                    ) : null}
                  </div>
                ) : null
              }
            />
          </li>
        ))}
      </ol>
      {editable ? (
        <p>
          <Button icon="add" onClick={() => setDialog({ kind: 'item', item: null })}>
            {t('meetings.addItem')}
          </Button>
        </p>
      ) : null}
      {dialog?.kind === 'item' ? (
        <ItemDialog ctx={ctx} item={dialog.item} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'upload' ? (
        <UploadDialog ctx={ctx} item={dialog.item} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'move' ? (
        <MoveDialog ctx={ctx} item={dialog.item} onClose={() => setDialog(null)} />
      ) : null}
    </Section>
  );
}

function ItemCard({ ctx, item, actions }: { ctx: MeetingCtx; item: AgendaItem; actions: ReactNode }) {
  const { t } = useTranslation();
  const headingId = `item-${item.id}`;
  return (
    <article className="kern-card bn-item" aria-labelledby={headingId}>
      <div className="kern-card__container">
        <header className="kern-card__header bn-item__head">
          <h3 className="kern-title" id={headingId}>
            {t('meetings.itemHeading', { number: item.number, title: item.title })}
          </h3>
          <ItemStatusBadge status={item.status} />
        </header>
        <div className="kern-card__body bn-stack">
          <dl className="bn-dl bn-dl--compact">
            <dt>{t('meetings.kind')}</dt>
            <dd>
              {t(`meetings.kinds.${item.kind}`)}
              {item.decisionType ? ` – ${t(`meetings.decisionTypes.${item.decisionType}`)}` : null}
            </dd>
            {item.fieldName ? (
              <>
                <dt>{t('meetings.field')}</dt>
                <dd>{item.fieldName}</dd>
              </>
            ) : null}
            {item.presenter ? (
              <>
                <dt>{t('meetings.presenter')}</dt>
                <dd>{item.presenter}</dd>
              </>
            ) : null}
            {item.durationMinutes ? (
              <>
                <dt>{t('meetings.duration')}</dt>
                <dd>{t('meetings.minutesCount', { count: item.durationMinutes })}</dd>
              </>
            ) : null}
            <dt>{t('meetings.public')}</dt>
            <dd>{item.public ? t('meetings.publicYes') : t('meetings.publicNo')}</dd>
          </dl>
          {item.proposal ? (
            <div>
              <h4 className="kern-label">
                {t(item.kind === 'decision' ? 'meetings.proposal' : 'meetings.description')}
              </h4>
              <p className="kern-body bn-pre-line bn-proposal">{item.proposal}</p>
            </div>
          ) : null}
          <Papers ctx={ctx} item={item} />
          {actions}
          {item.kind === 'decision' ? <DecisionPanel ctx={ctx} item={item} /> : null}
        </div>
      </div>
    </article>
  );
}

function Papers({ ctx, item }: { ctx: MeetingCtx; item: AgendaItem }) {
  const { t } = useTranslation();
  if (item.papers.length === 0) return null;
  return (
    <div>
      <h4 className="kern-label">{t('meetings.papers')}</h4>
      <ul className="bn-plain-list bn-stack bn-papers">
        {item.papers.map((p) => (
          <li key={p.id}>
            <strong>{p.title}</strong>
            <ul className="bn-plain-list">
              {[...p.versions].reverse().map((v) => (
                <li key={v.version}>
                  <a
                    className="kern-link"
                    href={paperUrl(ctx.networkId, ctx.meeting.id, item.id, p.id, v.version)}
                    download={v.name}
                    aria-label={t('meetings.paperDownload', {
                      title: p.title,
                      version: v.version,
                      name: v.name,
                    })}
                  >
                    <span className="kern-icon kern-icon--download kern-icon--small" aria-hidden="true" />{' '}
                    {t('meetings.paperVersion', { version: v.version })}
                  </a>{' '}
                  <span className="bn-muted">
                    ({v.name}, {formatDateTime(v.createdAt)})
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ItemDialog({
  ctx,
  item,
  onClose,
}: {
  ctx: MeetingCtx;
  item: AgendaItem | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { networkId, meeting: m } = ctx;
  const [kind, setKind] = useState<AgendaItem['kind']>(item?.kind ?? 'information');
  const [decisionType, setDecisionType] = useState<string>(item?.decisionType ?? 'work_order');
  const day = berlinLocal(m.startsAt).day;
  const fields = useQuery({ ...meetingFieldsQuery(networkId, day), enabled: kind === 'decision' });
  const meetings = useQuery(meetingsQuery(networkId));
  const earlier = (meetings.data ?? []).filter((x) => x.startsAt < m.startsAt && x.status !== 'cancelled');

  const save = useMutation({
    mutationFn: (input: AgendaItemInput) => saveItem(networkId, m.id, item?.id ?? null, input),
    onSuccess: async () => {
      onClose();
      ctx.say(item ? t('meetings.itemSaved') : t('meetings.itemAdded'));
      await ctx.refresh();
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    const fd = new FormData(e.currentTarget);
    const str = (k: string) => String(fd.get(k) ?? '');
    const duration = Number.parseInt(str('duration'), 10);
    const isDecision = kind === 'decision';
    save.mutate({
      title: str('title'),
      kind,
      decisionType: isDecision ? (decisionType as AgendaItemInput['decisionType']) : null,
      fieldId: isDecision && str('fieldId') ? str('fieldId') : null,
      proposal: str('proposal'),
      public: fd.get('public') === 'on',
      presenter: str('presenter'),
      durationMinutes: Number.isFinite(duration) ? duration : null,
      approvesMinutesOf:
        isDecision && decisionType === 'procedural' && str('approvesMinutesOf')
          ? str('approvesMinutesOf')
          : null,
    });
  }
  return (
    <FormDialog
      open
      title={item ? t('meetings.editItemTitle', { number: item.number }) : t('meetings.addItem')}
      submitLabel={t('common.save')}
      busy={save.isPending}
      error={save.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        label={t('meetings.itemTitle')}
        name="title"
        required
        minLength={2}
        defaultValue={item?.title}
      />
      <SelectField
        label={t('meetings.kind')}
        name="kind"
        value={kind}
        onChange={(e) => setKind(e.target.value as AgendaItem['kind'])}
        options={itemKinds.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))}
      />
      {kind === 'decision' ? (
        <>
          <SelectField
            label={t('meetings.decisionType')}
            name="decisionType"
            value={decisionType}
            onChange={(e) => setDecisionType(e.target.value)}
            options={decisionTypes.map((d) => ({ value: d, label: t(`meetings.decisionTypes.${d}`) }))}
          />
          {decisionType === 'procedural' ? (
            <SelectField
              label={t('meetings.approvesMinutesOf')}
              name="approvesMinutesOf"
              hint={t('meetings.approvesMinutesOfHint')}
              defaultValue={item?.approvesMinutesOf ?? ''}
              options={[
                { value: '', label: t('meetings.noMinutesApproval') },
                ...earlier.map((x) => ({ value: x.id, label: `${x.title} (${formatDate(x.startsAt)})` })),
              ]}
            />
          ) : (
            <SelectField
              label={t('meetings.field')}
              name="fieldId"
              hint={t('meetings.fieldHint', { date: formatMeetingDay(m.startsAt) })}
              defaultValue={item?.fieldId ?? ''}
              options={[
                { value: '', label: t('meetings.noField') },
                ...(fields.data ?? []).map((f) => ({
                  value: f.id,
                  label: f.joint ? f.name : t('meetings.fieldNotJoint', { name: f.name }),
                })),
              ]}
            />
          )}
          <TextAreaField
            label={t('meetings.proposal')}
            name="proposal"
            required
            minLength={3}
            rows={5}
            defaultValue={item?.proposal}
          />
        </>
      ) : (
        <TextAreaField
          label={t('meetings.description')}
          name="proposal"
          rows={3}
          defaultValue={item?.proposal}
        />
      )}
      <TextField label={t('meetings.presenter')} name="presenter" defaultValue={item?.presenter} />
      <TextField
        label={t('meetings.durationLabel')}
        name="duration"
        type="number"
        min={1}
        max={600}
        className="kern-form-input__input--width-5"
        defaultValue={item?.durationMinutes ?? ''}
      />
      <CheckboxField
        label={t('meetings.publicLabel')}
        hint={t('meetings.publicHint')}
        name="public"
        defaultChecked={item?.public}
      />
    </FormDialog>
  );
}

function UploadDialog({ ctx, item, onClose }: { ctx: MeetingCtx; item: AgendaItem; onClose: () => void }) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: (x: { title: string; paperId: string | null; file: File }) =>
      uploadPaper(ctx.networkId, ctx.meeting.id, item.id, x),
    onSuccess: async (_, x) => {
      onClose();
      ctx.say(t('meetings.uploaded', { name: x.file.name, number: item.number }));
      await ctx.refresh();
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    const fd = new FormData(e.currentTarget);
    const file = fd.get('file');
    if (!(file instanceof File) || file.size === 0) return setMissing(true);
    setMissing(false);
    upload.mutate({
      title: String(fd.get('title') ?? ''),
      paperId: String(fd.get('paperId') ?? '') || null,
      file,
    });
  }
  return (
    <FormDialog
      open
      title={t('meetings.uploadTitle', { number: item.number })}
      submitLabel={t('meetings.upload')}
      busy={upload.isPending}
      error={upload.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField label={t('meetings.paperTitle')} name="title" hint={t('meetings.paperTitleHint')} />
      {item.papers.length > 0 ? (
        <SelectField
          label={t('meetings.paperOf')}
          name="paperId"
          options={[
            { value: '', label: t('meetings.newPaper') },
            ...item.papers.map((p) => ({
              value: p.id,
              label: t('meetings.newVersionOf', { title: p.title }),
            })),
          ]}
        />
      ) : null}
      <TextField
        label={t('meetings.file')}
        name="file"
        type="file"
        error={missing ? t('files.chooseFile') : null}
      />
    </FormDialog>
  );
}

function MoveDialog({ ctx, item, onClose }: { ctx: MeetingCtx; item: AgendaItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { networkId, meeting: m } = ctx;
  const meetings = useQuery(meetingsQuery(networkId));
  const later = (meetings.data ?? []).filter((x) => x.startsAt > m.startsAt && planning(x)).reverse();
  const move = useMutation({
    mutationFn: (to: string) => moveItem(networkId, m.id, item.id, to),
    onSuccess: async (target) => {
      onClose();
      ctx.say(t('meetings.moved', { number: item.number, title: target.title }));
      await ctx.refresh();
    },
  });
  return (
    <FormDialog
      open
      title={t('meetings.moveTitle', { number: item.number })}
      submitLabel={t('meetings.move')}
      busy={move.isPending}
      error={move.error}
      onClose={onClose}
      onSubmit={(e) => {
        const to = String(new FormData(e.currentTarget).get('to') ?? '');
        if (to) move.mutate(to);
      }}
    >
      {later.length === 0 ? (
        <p className="kern-body">{t('meetings.noLaterMeeting')}</p>
      ) : (
        <SelectField
          label={t('meetings.moveTo')}
          name="to"
          required
          options={later.map((x) => ({ value: x.id, label: `${x.title} (${formatDate(x.startsAt)})` }))}
        />
      )}
    </FormDialog>
  );
}
