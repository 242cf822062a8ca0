import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingInput } from '../../../../contracts/steering';
import { Button, FormDialog, Section, StatusMessage, TextField } from '../../../components/ui';
import { createMeetingSeries, meetingsKey } from '../api';

type Row = { key: number; title: string; day: string };

/**
 * "Zwei Sitzungen im Jahr": the year's dates at once, with the same time and place; all are created
 * together or none. Each is then an ordinary meeting, moved or cancelled on its own page.
 */
export function SeriesPlan({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const year = new Date().getFullYear() + 1;
  const initial = (): Row[] => [
    { key: 1, title: t('meetingRun.series.spring', { year }), day: '' },
    { key: 2, title: t('meetingRun.series.autumn', { year }), day: '' },
  ];
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<Row[]>(initial);
  const [message, setMessage] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (meetings: MeetingInput[]) => createMeetingSeries(networkId, meetings),
    onSuccess: async (list) => {
      setOpen(false);
      setRows(initial());
      setMessage(
        t('meetingRun.series.created', { count: list.length, titles: list.map((m) => m.title).join(', ') }),
      );
      await qc.invalidateQueries({ queryKey: meetingsKey(networkId) });
    },
  });
  return (
    <Section title={t('meetingRun.series.title')} id="meeting-series">
      <p className="kern-body bn-prose">{t('meetingRun.series.intro')}</p>
      <StatusMessage message={message} />
      <p>
        <Button
          variant="secondary"
          icon="add"
          onClick={() => {
            setMessage(null);
            create.reset();
            setOpen(true);
          }}
        >
          {t('meetingRun.series.open')}
        </Button>
      </p>
      <FormDialog
        open={open}
        title={t('meetingRun.series.title')}
        submitLabel={t('meetingRun.series.submit')}
        busy={create.isPending}
        error={create.error}
        onClose={() => setOpen(false)}
        onSubmit={(e) => {
          const fd = new FormData(e.currentTarget);
          const s = (k: string) => String(fd.get(k) ?? '').trim();
          create.mutate(
            rows.map((r) => ({
              title: s(`title-${r.key}`),
              startsAt: `${s(`day-${r.key}`)}T${s('from')}`,
              endsAt: `${s(`day-${r.key}`)}T${s('to')}`,
              location: s('location'),
              onlineUrl: '',
            })),
          );
        }}
      >
        {rows.map((r, i) => (
          <fieldset className="kern-fieldset" key={r.key}>
            <legend className="kern-label">{t('meetingRun.series.meetingN', { n: i + 1 })}</legend>
            <div className="kern-fieldset__body">
              <TextField
                label={t('meetingRun.series.titleN', { n: i + 1 })}
                name={`title-${r.key}`}
                required
                minLength={3}
                defaultValue={r.title}
              />
              <TextField
                label={t('meetingRun.series.dayN', { n: i + 1 })}
                name={`day-${r.key}`}
                type="date"
                required
                defaultValue={r.day}
                className="kern-form-input__input--width-10"
              />
              {rows.length > 1 ? (
                <Button
                  variant="tertiary"
                  small
                  icon="delete"
                  onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
                >
                  {t('meetingRun.series.remove', { n: i + 1 })}
                </Button>
              ) : null}
            </div>
          </fieldset>
        ))}
        {rows.length < 12 ? (
          <p>
            <Button
              variant="secondary"
              small
              icon="add"
              onClick={() =>
                setRows([...rows, { key: Math.max(...rows.map((x) => x.key)) + 1, title: '', day: '' }])
              }
            >
              {t('meetingRun.series.add')}
            </Button>
          </p>
        ) : null}
        <div className="bn-meeting-times">
          <TextField label={t('meetings.from')} name="from" type="time" required defaultValue="14:00" />
          <TextField label={t('meetings.to')} name="to" type="time" required defaultValue="16:30" />
        </div>
        <TextField label={t('meetings.place')} name="location" />
      </FormDialog>
    </Section>
  );
}
