import { queryOptions } from '@tanstack/react-query';
import type { EditablePage, PageKind, PublicSite, PublicSiteInput } from '../../../contracts/publicsite';
import type { NetworkStructure } from '../../../contracts/structure';
import { get, put } from '../../lib/api';

export type { EditablePage, PublicSite, PublicSiteInput };
export type TeamMember = NetworkStructure['team'][number];
export type BodyKind = NetworkStructure['bodies'][number]['kind'];

const base = (networkId: string) => `/networks/${networkId}`;
export const publicAdminKey = (networkId: string) => ['networks', networkId, 'public-admin'] as const;

/** The network page with the publish switch, the provider's details and the register to choose from. */
export const siteQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...publicAdminKey(networkId), 'site'],
    queryFn: ({ signal }) => get<PublicSite>(`${base(networkId)}/public-site`, signal),
  });

export const saveSite = (networkId: string, input: PublicSiteInput) =>
  put<PublicSite>(`${base(networkId)}/public-site`, input);

export const pageQuery = (networkId: string, kind: PageKind) =>
  queryOptions({
    queryKey: [...publicAdminKey(networkId), 'page', kind],
    queryFn: ({ signal }) => get<EditablePage>(`${base(networkId)}/public-pages/${kind}`, signal),
  });

export const savePage = (networkId: string, kind: PageKind, body: string) =>
  put<EditablePage>(`${base(networkId)}/public-pages/${kind}`, { body });
