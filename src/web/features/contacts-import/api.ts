import { queryOptions } from '@tanstack/react-query';
import type { ErrorBody } from '../../../contracts/common';
import type {
  DuplicateGroup,
  ImportMapping,
  ImportPreview,
  ImportResult,
  MergeResult,
} from '../../../contracts/contacts-import';
import { ApiError, get, post } from '../../lib/api';

const base = (networkId: string) => `/networks/${networkId}/contacts`;

export const duplicatesQuery = (networkId: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'contacts', 'duplicates'],
    queryFn: ({ signal }) => get<DuplicateGroup[]>(`${base(networkId)}/duplicates`, signal),
  });

export const mergePeople = (networkId: string, personId: string, otherIds: string[], version: number) =>
  post<MergeResult>(`${base(networkId)}/people/${personId}/merge`, { otherIds, version });

/**
 * Sends the file as a form (mapping first, then the file) with XMLHttpRequest, which reports the
 * upload's progress (fetch does not): `onProgress` gets 0–100.
 */
function upload<T>(
  path: string,
  file: File,
  mapping: ImportMapping | undefined,
  onProgress: (percent: number) => void,
): Promise<T> {
  const form = new FormData();
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  form.append('file', file);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Der Server ist nicht erreichbar.'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const e = (data as Partial<ErrorBody> | undefined)?.error;
      reject(
        new ApiError(xhr.status, e?.code ?? `http_${xhr.status}`, e?.message ?? xhr.statusText, e?.requestId),
      );
    };
    xhr.send(form);
  });
}

export const previewImport = (
  networkId: string,
  file: File,
  mapping: ImportMapping | undefined,
  onProgress: (percent: number) => void,
) => upload<ImportPreview>(`${base(networkId)}/import/preview`, file, mapping, onProgress);

export const runImport = (
  networkId: string,
  file: File,
  mapping: ImportMapping | undefined,
  onProgress: (percent: number) => void,
) => upload<ImportResult>(`${base(networkId)}/import`, file, mapping, onProgress);
