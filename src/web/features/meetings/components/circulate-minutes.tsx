import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinutesVersion } from '../../../../contracts/steering';
import { AudienceDialog, Button } from '../../../components/ui';
import { circulationPreviewQuery } from '../api';
import type { MeetingCtx } from './meeting-page';

type Circulate = {
  mutate: (v: undefined, o?: { onSuccess?: (list: MinutesVersion[]) => void }) => void;
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
  const unreachable = preview.data?.recipients.filter((r) => r.unreachable).map((r) => r.name) ?? [];
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
            onSuccess: (list) => {
              setOpen(false);
              ctx.say(
                [
                  t('meetings.minutes.circulated', { version: list[0]?.version }),
                  t('massActions.circulation.done', { count: reachable }),
                  unreachable.length
                    ? t('massActions.invitations.unreachable', {
                        count: unreachable.length,
                        names: unreachable.join(', '),
                      })
                    : '',
                ]
                  .filter(Boolean)
                  .join(' '),
              );
            },
          })
        }
        onClose={() => setOpen(false)}
      />
    </>
  );
}
