import { queryOptions } from '@tanstack/react-query';
import type {
  ConsentInput,
  ContractDetail,
  ContractInput,
  FieldOfAction,
  HistoryEntry,
  Responsibility,
  ResponsibilityInput,
  ScopeAnswer,
  VersionDetail,
  VersionInput,
} from '../../../contracts/contract';
import { ApiError, api, del, get, patch, post, put, qs } from '../../lib/api';

const base = (networkId: string) => `/networks/${networkId}`;

/** Every query of the contract shares this prefix, so one invalidation refreshes them all. */
export const contractKey = (networkId: string) => ['networks', networkId, 'contract'] as const;

/** The contract, or null while none is recorded (the server answers 404 'contract.none'). */
export const contractQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...contractKey(networkId), 'detail'],
    queryFn: async ({ signal }) => {
      try {
        return await get<ContractDetail>(`${base(networkId)}/contract`, signal);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'contract.none') return null;
        throw err;
      }
    },
  });

export const historyQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...contractKey(networkId), 'history'],
    queryFn: ({ signal }) => get<HistoryEntry[]>(`${base(networkId)}/contract/history`, signal),
  });

export const versionQuery = (networkId: string, versionId: string) =>
  queryOptions({
    queryKey: [...contractKey(networkId), 'version', versionId],
    queryFn: ({ signal }) => get<VersionDetail>(`${base(networkId)}/contract/versions/${versionId}`, signal),
  });

export const fieldsQuery = (networkId: string, on?: string) =>
  queryOptions({
    queryKey: [...contractKey(networkId), 'fields', on ?? 'today'],
    queryFn: ({ signal }) => get<FieldOfAction[]>(`${base(networkId)}/fields${qs({ on })}`, signal),
  });

export const responsibilitiesQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...contractKey(networkId), 'responsibilities'],
    queryFn: ({ signal }) => get<Responsibility[]>(`${base(networkId)}/responsibilities`, signal),
  });

export type ScopeSubject = { kind: 'field' | 'matter'; id: string };
export const scopeQuery = (networkId: string, subject: ScopeSubject, on: string) =>
  queryOptions({
    queryKey: [...contractKey(networkId), 'scope', subject.kind, subject.id, on],
    queryFn: ({ signal }) =>
      get<ScopeAnswer>(
        `${base(networkId)}/scope${qs({ [subject.kind === 'field' ? 'fieldId' : 'matterId']: subject.id, on })}`,
        signal,
      ),
  });

export const saveContract = (networkId: string, input: ContractInput) =>
  put<ContractDetail>(`${base(networkId)}/contract`, input);

export const createVersion = (networkId: string, input: VersionInput) =>
  post<VersionDetail>(`${base(networkId)}/contract/versions`, input);

export const recordConsent = (networkId: string, versionId: string, input: ConsentInput) =>
  post<VersionDetail>(`${base(networkId)}/contract/versions/${versionId}/consents`, input);

export const withdrawVersion = (networkId: string, versionId: string) =>
  post<VersionDetail>(`${base(networkId)}/contract/versions/${versionId}/withdraw`);

/** The server reads `label` before the file stream, so it must come first in the form. */
export function attachToVersion(networkId: string, versionId: string, label: string, file: File) {
  const fd = new FormData();
  fd.append('label', label);
  fd.append('file', file, file.name);
  return api<VersionDetail>(`${base(networkId)}/contract/versions/${versionId}/attachments`, {
    method: 'POST',
    body: fd,
  });
}

export const attachmentUrl = (networkId: string, fileId: string) =>
  `/api/networks/${networkId}/files/${fileId}/content`;

export const updateField = (
  networkId: string,
  fieldId: string,
  input: { description: string; goals: string },
) => patch<FieldOfAction>(`${base(networkId)}/fields/${fieldId}`, input);

export const saveResponsibility = (networkId: string, id: string | null, input: ResponsibilityInput) =>
  id
    ? put<Responsibility>(`${base(networkId)}/responsibilities/${id}`, input)
    : post<Responsibility>(`${base(networkId)}/responsibilities`, input);

export const deleteResponsibility = (networkId: string, id: string) =>
  del(`${base(networkId)}/responsibilities/${id}`);
