import { queryOptions } from '@tanstack/react-query';
import type { ConsentChannel } from '../../../contracts/contacts';
import type {
  GiveConsentInput,
  PersonPrivacy,
  RetentionOverview,
  RetentionRule,
  WithdrawalInfo,
} from '../../../contracts/contacts-privacy';
import { get, post, put } from '../../lib/api';

export type { PersonPrivacy, RetentionOverview, RetentionRule, WithdrawalInfo };

const person = (networkId: string, personId: string) => `/networks/${networkId}/contacts/people/${personId}`;

export const privacyQuery = (networkId: string, personId: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'contacts', 'privacy', personId],
    queryFn: ({ signal }) => get<PersonPrivacy>(`${person(networkId, personId)}/consents`, signal),
  });

export const giveConsent = (networkId: string, personId: string, input: GiveConsentInput) =>
  post<PersonPrivacy>(`${person(networkId, personId)}/consents`, input);
export const withdrawConsent = (
  networkId: string,
  personId: string,
  consentId: string,
  via: ConsentChannel,
) => post<PersonPrivacy>(`${person(networkId, personId)}/consents/${consentId}/withdraw`, { via });
export const erasePerson = (networkId: string, personId: string, reason: string) =>
  post<{ personId: string; erasedAt: string }>(`${person(networkId, personId)}/erase`, { reason });
export const exportUrl = (networkId: string, personId: string, kind: 'json' | 'pdf') =>
  `/api${person(networkId, personId)}/export.${kind}`;

const retention = (networkId: string) => `/networks/${networkId}/contacts/retention`;
export const retentionQuery = (networkId: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'contacts', 'retention'],
    queryFn: ({ signal }) => get<RetentionOverview>(retention(networkId), signal),
  });
export const saveRules = (networkId: string, rules: RetentionRule[]) =>
  put<RetentionOverview>(`${retention(networkId)}/rules`, { rules });
export const runCheck = (networkId: string) => post<{ offered: number }>(`${retention(networkId)}/run`);
export const exportArchive = (networkId: string) =>
  post<{ exportedAt: string }>(`${retention(networkId)}/archive-export`);
export const declineCase = (networkId: string, caseId: string) =>
  post<RetentionOverview>(`${retention(networkId)}/cases/${caseId}/decline`);
export const deleteCase = (networkId: string, caseId: string) =>
  post<RetentionOverview>(`${retention(networkId)}/cases/${caseId}/delete`);

export const withdrawalQuery = (token: string) =>
  queryOptions({
    queryKey: ['public', 'consent-withdrawal', token],
    queryFn: ({ signal }) => get<WithdrawalInfo>(`/consent-withdrawals/${encodeURIComponent(token)}`, signal),
    retry: false,
  });
export const withdrawThroughLink = (token: string) =>
  post<WithdrawalInfo>(`/consent-withdrawals/${encodeURIComponent(token)}`);

/** Saves JSON the server answered as a file (the archive export is a POST: it marks what it hands out). */
export function downloadJson(data: unknown, fileName: string) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
