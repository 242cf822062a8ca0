import { queryOptions } from '@tanstack/react-query';
import type { ListFilter } from '../../../contracts/contacts';
import type {
  GuestsFromListResult,
  ListDetail,
  ListInput,
  ListMailInput,
  ListMailResult,
  ListOptions,
  ListPerson,
  ListPreview,
  ListSummary,
  ListUpdate,
} from '../../../contracts/contacts-lists';
import { del, get, post, put, qs } from '../../lib/api';

export type { ListDetail, ListFilter, ListOptions, ListPerson, ListPreview, ListSummary };

const base = (networkId: string) => `/networks/${networkId}/contacts/lists`;
export const listsKey = (networkId: string) => ['networks', networkId, 'contacts', 'lists'] as const;

export const listsQuery = (networkId: string) =>
  queryOptions({
    queryKey: listsKey(networkId),
    queryFn: ({ signal }) => get<ListSummary[]>(base(networkId), signal),
  });

export const listQuery = (networkId: string, listId: string) =>
  queryOptions({
    queryKey: [...listsKey(networkId), listId],
    queryFn: ({ signal }) => get<ListDetail>(`${base(networkId)}/${listId}`, signal),
  });

export const listPreviewQuery = (networkId: string, listId: string) =>
  queryOptions({
    queryKey: [...listsKey(networkId), listId, 'preview'],
    queryFn: ({ signal }) => get<ListPreview>(`${base(networkId)}/${listId}/preview`, signal),
  });

/** The live preview of an unsaved filter (the filter builder). */
export const filterPreviewQuery = (networkId: string, needsConsent: boolean, filter: ListFilter) =>
  queryOptions({
    queryKey: [...listsKey(networkId), 'filter-preview', needsConsent, filter],
    queryFn: () => post<ListPreview>(`${base(networkId)}/preview`, { needsConsent, filter }),
    placeholderData: (prev) => prev,
  });

export const listOptionsQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...listsKey(networkId), 'options'],
    queryFn: ({ signal }) => get<ListOptions>(`${base(networkId)}/options`, signal),
  });

export const candidatesQuery = (networkId: string, q: string) =>
  queryOptions({
    queryKey: [...listsKey(networkId), 'people', q],
    queryFn: ({ signal }) => get<ListPerson[]>(`${base(networkId)}/people${qs({ q })}`, signal),
    placeholderData: (prev) => prev,
  });

export const createList = (networkId: string, input: ListInput) => post<ListDetail>(base(networkId), input);
export const updateList = (networkId: string, listId: string, input: ListUpdate) =>
  put<ListDetail>(`${base(networkId)}/${listId}`, input);
export const deleteList = (networkId: string, listId: string) => del(`${base(networkId)}/${listId}`);
export const addMembers = (networkId: string, listId: string, personIds: string[]) =>
  post<ListDetail>(`${base(networkId)}/${listId}/members`, { personIds });
export const removeMember = (networkId: string, listId: string, personId: string) =>
  del<ListDetail>(`${base(networkId)}/${listId}/members/${personId}`);
export const mailList = (networkId: string, listId: string, input: ListMailInput) =>
  post<ListMailResult>(`${base(networkId)}/${listId}/mail`, input);
export const exportUrl = (networkId: string, listId: string, ext: 'xlsx' | 'csv') =>
  `/api${base(networkId)}/${listId}/export.${ext}`;

export const guestsFromList = (networkId: string, meetingId: string, listId: string) =>
  post<GuestsFromListResult>(`/networks/${networkId}/meetings/${meetingId}/guests/from-list`, { listId });
