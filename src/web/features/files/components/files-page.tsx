import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileVisibility, StoredFile } from '../../../../contracts/files';
import {
  ActionsCell,
  Badge,
  Button,
  ConfirmAction,
  ErrorAlert,
  Loading,
  Page,
  RowButton,
  Section,
  SelectField,
  StatusMessage,
  TableHead,
  TableRegion,
  TextField,
} from '../../../components/ui';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { contentUrl, deleteFile, filesQuery, publicUrl, setVisibility, uploadFile } from '../api';

const visibilities: FileVisibility[] = ['members', 'office', 'public'];

export function FilesPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const files = useQuery(filesQuery(networkId));
  const [message, setMessage] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<StoredFile | null>(null);
  const writable = can('files.write');
  const invalidate = () => qc.invalidateQueries({ queryKey: ['networks', networkId, 'files'] });

  const change = useMutation({
    mutationFn: (v: { file: StoredFile; visibility: FileVisibility }) =>
      setVisibility(networkId, v.file.id, v.visibility),
    onSuccess: async () => {
      setMessage(t('common.saved'));
      await invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: (f: StoredFile) => deleteFile(networkId, f.id),
    onSuccess: async (_, f) => {
      setToDelete(null);
      setMessage(t('files.deleted', { name: f.name }));
      await invalidate();
    },
  });

  const visibilityOptions = visibilities.map((v) => ({ value: v, label: t(`files.visibilities.${v}`) }));
  const sorted = [...(files.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <Page title={t('files.title')}>
      <StatusMessage message={message} />
      <ErrorAlert error={files.error ?? change.error} />
      {writable ? (
        <UploadForm networkId={networkId} onDone={(name) => setMessage(t('files.uploaded_ok', { name }))} />
      ) : null}
      <Section title={t('files.tableCaption')} id="files-list">
        {files.isPending ? (
          <Loading />
        ) : sorted.length === 0 ? (
          <p className="kern-body">{t('files.none')}</p>
        ) : (
          <TableRegion labelledBy="files-list">
            <table className="kern-table bn-table">
              <TableHead
                columns={[
                  t('files.name'),
                  { label: t('files.size'), numeric: true },
                  t('files.uploaded'),
                  t('files.visibility'),
                ]}
                actions={writable ? t('common.actions') : null}
              />
              <tbody className="kern-table__body">
                {sorted.map((f) => (
                  <tr className="kern-table__row" key={f.id}>
                    <td className="kern-table__cell bn-break">
                      <a className="kern-link" href={contentUrl(networkId, f.id)} download={f.name}>
                        <span className="kern-icon kern-icon--download kern-icon--small" aria-hidden="true" />{' '}
                        {f.name}
                      </a>
                      {f.visibility === 'public' ? (
                        <>
                          {' '}
                          <a className="kern-link kern-link--small" href={publicUrl(f.id)}>
                            ({t('files.publicLink')})
                          </a>
                        </>
                      ) : null}
                    </td>
                    <td className="kern-table__cell kern-table__cell--numeric">{formatBytes(f.sizeBytes)}</td>
                    <td className="kern-table__cell">
                      <span className="bn-nowrap">{formatDateTime(f.createdAt)}</span>
                      {f.uploadedByName ? (
                        <>
                          <br />
                          <span className="bn-muted">{t('files.by', { name: f.uploadedByName })}</span>
                        </>
                      ) : null}
                    </td>
                    <td className="kern-table__cell">
                      {writable ? (
                        <SelectField
                          hideLabel
                          label={t('files.changeVisibility', { name: f.name })}
                          options={visibilityOptions}
                          value={f.visibility}
                          disabled={change.isPending}
                          onChange={(e) =>
                            change.mutate({ file: f, visibility: e.target.value as FileVisibility })
                          }
                        />
                      ) : (
                        <Badge kind={f.visibility === 'public' ? 'success' : 'info'}>
                          {t(`files.visibilities.${f.visibility}`)}
                        </Badge>
                      )}
                    </td>
                    {writable ? (
                      <ActionsCell>
                        <RowButton
                          icon="delete"
                          label={t('files.deleteLabel', { name: f.name })}
                          onClick={() => setToDelete(f)}
                        >
                          {t('common.delete')}
                        </RowButton>
                      </ActionsCell>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </Section>
      <ConfirmAction
        target={toDelete}
        action={remove}
        onClose={() => setToDelete(null)}
        title={t('files.deleteTitle')}
        confirmLabel={t('common.delete')}
      >
        <p className="kern-body">{t('files.deleteText', { name: toDelete?.name ?? '' })}</p>
      </ConfirmAction>
    </Page>
  );
}

function UploadForm({ networkId, onDone }: { networkId: string; onDone: (name: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [missing, setMissing] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const upload = useMutation({
    mutationFn: (v: { file: File; visibility: FileVisibility }) =>
      uploadFile(networkId, v.file, v.visibility),
    onSuccess: async (f) => {
      formRef.current?.reset();
      onDone(f.name);
      await qc.invalidateQueries({ queryKey: ['networks', networkId, 'files'] });
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const file = fd.get('file');
    if (!(file instanceof File) || file.size === 0) return setMissing(true);
    setMissing(false);
    upload.mutate({ file, visibility: String(fd.get('visibility')) as FileVisibility });
  }
  return (
    <Section title={t('files.uploadTitle')} id="files-upload">
      <form ref={formRef} className="bn-form bn-form--inline" onSubmit={submit}>
        <TextField
          label={t('files.file')}
          name="file"
          type="file"
          hint={t('files.fileHint')}
          error={missing ? t('files.chooseFile') : null}
        />
        <SelectField
          label={t('files.visibility')}
          name="visibility"
          defaultValue="members"
          options={visibilities.map((v) => ({ value: v, label: t(`files.visibilities.${v}`) }))}
        />
        <div className="bn-form__actions">
          <Button type="submit" icon="drive-folder-upload" busy={upload.isPending}>
            {t('files.upload')}
          </Button>
        </div>
      </form>
      <ErrorAlert error={upload.error} />
    </Section>
  );
}
