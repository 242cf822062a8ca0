import { queryOptions } from '@tanstack/react-query';
import type { FieldOfAction } from '../../../contracts/contract';
import type {
  DocFile,
  DocFileUpdate,
  DocumentationInput,
  EventDocumentation,
  HandInput,
  HandResult,
  PublicDocumentation,
  Recommendation,
  RecommendationInput,
  RecommendationPatch,
} from '../../../contracts/events-documentation';
import { api, get, patch, post, put } from '../../lib/api';

const base = (networkId: string, eventId: string) => `/networks/${networkId}/events/${eventId}`;

/** Every query of an event's documentation shares this prefix. */
export const documentationKey = (networkId: string, eventId: string) =>
  ['networks', networkId, 'events', eventId, 'documentation'] as const;

export const documentationQuery = (networkId: string, eventId: string) =>
  queryOptions({
    queryKey: documentationKey(networkId, eventId),
    queryFn: ({ signal }) => get<EventDocumentation>(`${base(networkId, eventId)}/documentation`, signal),
  });

export const fieldsOfActionQuery = (networkId: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'events', 'fields-of-action'],
    queryFn: ({ signal }) => get<FieldOfAction[]>(`/networks/${networkId}/fields`, signal),
  });

export const publicDocumentationQuery = (slug: string, eventId: string) =>
  queryOptions({
    queryKey: ['public', slug, 'events', eventId, 'documentation'],
    queryFn: ({ signal }) =>
      get<PublicDocumentation>(`/public/networks/${slug}/events/${eventId}/documentation`, signal),
  });

export const saveSummary = (networkId: string, eventId: string, body: DocumentationInput) =>
  put<EventDocumentation>(`${base(networkId, eventId)}/documentation`, body);

export const saveSession = (
  networkId: string,
  eventId: string,
  sessionId: string,
  body: DocumentationInput,
) => put<EventDocumentation>(`${base(networkId, eventId)}/sessions/${sessionId}/documentation`, body);

export const setPublished = (networkId: string, eventId: string, publish: boolean) =>
  post<EventDocumentation>(`${base(networkId, eventId)}/documentation/${publish ? 'publish' : 'unpublish'}`);

/** The server reads the fields before the file, so they come first in the form. */
export function uploadDocFile(
  networkId: string,
  eventId: string,
  input: {
    sessionId: string | null;
    kind: 'file' | 'photo';
    caption: string;
    photoConsent: boolean;
    file: File;
  },
) {
  const fd = new FormData();
  fd.append('kind', input.kind);
  if (input.sessionId) fd.append('sessionId', input.sessionId);
  fd.append('caption', input.caption);
  fd.append('photoConsent', String(input.photoConsent));
  fd.append('file', input.file, input.file.name);
  return api<DocFile>(`${base(networkId, eventId)}/documentation/files`, { method: 'POST', body: fd });
}

export const updateDocFile = (networkId: string, eventId: string, fileId: string, body: DocFileUpdate) =>
  patch<DocFile>(`${base(networkId, eventId)}/documentation/files/${fileId}`, body);

export const docFileUrl = (networkId: string, eventId: string, fileId: string) =>
  `/api${base(networkId, eventId)}/documentation/files/${fileId}/content`;

export const pdfUrl = (networkId: string, eventId: string) =>
  `/api${base(networkId, eventId)}/documentation.pdf`;

export const createRecommendation = (networkId: string, eventId: string, body: RecommendationInput) =>
  post<Recommendation>(`${base(networkId, eventId)}/recommendations`, body);

export const updateRecommendation = (
  networkId: string,
  eventId: string,
  id: string,
  body: RecommendationPatch,
) => patch<Recommendation>(`${base(networkId, eventId)}/recommendations/${id}`, body);

export const stepRecommendation = (
  networkId: string,
  eventId: string,
  id: string,
  step: 'agree' | 'withdraw',
  version: number,
) => post<Recommendation>(`${base(networkId, eventId)}/recommendations/${id}/${step}`, { version });

export const handRecommendations = (networkId: string, eventId: string, body: HandInput) =>
  post<HandResult>(`${base(networkId, eventId)}/recommendations/hand`, body);
