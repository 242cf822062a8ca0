import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AudienceDialog, Button } from '../../../components/ui';
import { circulationPreviewQuery } from '../api';
import type { MeetingCtx } from './meeting-page';

type Circulate = {
  mutate: (v: undefined, o?: { onSuccess?: () => void }) => void;
  reset: () => void;
  isPending: boolean;
  error: unknown;
};

/** "In Umlauf geben" with a look first: who receives the draft, who has no address. */
export function CirculateMinutes({ ctx, circulate }: { ctx: MeetingCtx; circulate: Circulate }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const preview = useQuery({ ...circulationPreviewQuery(ctx.networkId, ctx.meeting.id), enabled: open });
  const reachable = preview.data?.recipients.filter((r) => !r.unreachable).length ?? 0;
  return (
    <>
      <Button
        variant="secondary"
        icon="mail"
        onClick={() => {
          ctx.say('');
          circulate.reset();
          setOpen(true);
        }}
      >
        {t('meetings.minutes.circulate')}
      </Button>
      <AudienceDialog
        open={open}
        title={t('massActions.circulation.title')}
        confirmLabel={t('massActions.circulation.confirm')}
        preview={preview.isFetching ? undefined : preview.data}
        loadError={preview.error}
        busy={circulate.isPending}
        error={circulate.error}
        onConfirm={() =>
          circulate.mutate(undefined, {
            onSuccess: () => {
              setOpen(false);
              ctx.say(t('massActions.circulation.done', { count: reachable }));
            },
          })
        }
        onClose={() => setOpen(false)}
      />
    </>
  );
}
