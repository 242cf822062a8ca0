import { queryOptions } from '@tanstack/react-query';
import type {
  AffiliationInput,
  ContactOptions,
  Institution,
  InstitutionDetail,
  InstitutionInput,
  InstitutionsQuery,
  InstitutionUpdate,
  PeopleQuery,
  PersonDetail,
  PersonInput,
  PersonListItem,
  PersonUpdate,
} from '../../../contracts/contacts-people';
import { del, get, post, put, qs } from '../../lib/api';

export const contactsKey = (networkId: string) => ['networks', networkId, 'contacts'] as const;
const base = (networkId: string) => `/networks/${networkId}/contacts`;

export const peopleQuery = (networkId: string, filters: PeopleQuery) =>
  queryOptions({
    queryKey: [...contactsKey(networkId), 'people', filters],
    queryFn: ({ signal }) => get<PersonListItem[]>(`${base(networkId)}/people${qs(filters)}`, signal),
    placeholderData: (previous) => previous,
  });

export const personQuery = (networkId: string, personId: string) =>
  queryOptions({
    queryKey: [...contactsKey(networkId), 'person', personId],
    queryFn: ({ signal }) => get<PersonDetail>(`${base(networkId)}/people/${personId}`, signal),
  });

export const optionsQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...contactsKey(networkId), 'options'],
    queryFn: ({ signal }) => get<ContactOptions>(`${base(networkId)}/options`, signal),
    staleTime: 60_000,
  });

export const institutionsQuery = (networkId: string, filters: InstitutionsQuery) =>
  queryOptions({
    queryKey: [...contactsKey(networkId), 'institutions', filters],
    queryFn: ({ signal }) => get<Institution[]>(`${base(networkId)}/institutions${qs(filters)}`, signal),
    placeholderData: (previous) => previous,
  });

export const institutionQuery = (networkId: string, institutionId: string) =>
  queryOptions({
    queryKey: [...contactsKey(networkId), 'institution', institutionId],
    queryFn: ({ signal }) =>
      get<InstitutionDetail>(`${base(networkId)}/institutions/${institutionId}`, signal),
  });

/** The list views as files, with the filters on screen. */
export const exportUrl = (
  networkId: string,
  what: 'people' | 'institutions',
  format: 'xlsx' | 'csv',
  filters: Record<string, string | undefined>,
) => `/api${base(networkId)}/${what}/export.${format}${qs(filters)}`;

export const createPerson = (networkId: string, body: PersonInput) =>
  post<PersonDetail>(`${base(networkId)}/people`, body);
export const updatePerson = (networkId: string, personId: string, body: PersonUpdate) =>
  put<PersonDetail>(`${base(networkId)}/people/${personId}`, body);
export const addAffiliation = (networkId: string, personId: string, body: AffiliationInput) =>
  post<PersonDetail>(`${base(networkId)}/people/${personId}/affiliations`, body);
export const removeAffiliation = (networkId: string, personId: string, affiliationId: string) =>
  del<PersonDetail>(`${base(networkId)}/people/${personId}/affiliations/${affiliationId}`);

export const createInstitution = (networkId: string, body: InstitutionInput) =>
  post<InstitutionDetail>(`${base(networkId)}/institutions`, body);
export const updateInstitution = (networkId: string, id: string, body: InstitutionUpdate) =>
  put<InstitutionDetail>(`${base(networkId)}/institutions/${id}`, body);
export const removeInstitution = (networkId: string, id: string) =>
  del<{ archived: boolean }>(`${base(networkId)}/institutions/${id}`);
