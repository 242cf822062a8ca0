import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormDialog, TextAreaField, TextField } from '../../../components/ui';
import { type ListDetail, listsKey, mailList } from '../api';

/** The circular mail to everyone the list includes. */
export function ListMailDialog({
  open,
  networkId,
  list,
  onClose,
  onSent,
}: {
  open: boolean;
  networkId: string;
  list: ListDetail;
  onClose: () => void;
  onSent: (message: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const send = useMutation({
    mutationFn: (fd: FormData) =>
      mailList(networkId, list.id, {
        subject: String(fd.get('subject') ?? ''),
        text: String(fd.get('text') ?? ''),
      }),
    onSuccess: async (r) => {
      onSent(t('contactsLists.sent', r));
      await qc.invalidateQueries({ queryKey: listsKey(networkId) });
    },
  });
  return (
    <FormDialog
      open={open}
      title={t('contactsLists.mailTitle', { name: list.name })}
      submitLabel={t('contactsLists.send')}
      busy={send.isPending}
      error={send.error}
      onClose={() => {
        send.reset();
        onClose();
      }}
      onSubmit={(e) => send.mutate(new FormData(e.currentTarget))}
    >
      <p className="kern-body">{t('contactsLists.mailIntro', { count: list.includedCount })}</p>
      <TextField label={t('contactsLists.subject')} name="subject" required minLength={3} maxLength={200} />
      <TextAreaField label={t('contactsLists.text')} name="text" required minLength={3} rows={8} />
    </FormDialog>
  );
}
