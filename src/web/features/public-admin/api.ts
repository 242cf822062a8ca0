import { queryOptions } from '@tanstack/react-query';
import type {
  EditablePage,
  PageKind,
  PublicProfile,
  PublicSite,
  PublicSiteInput,
} from '../../../contracts/publicsite';
import type { NetworkStructure } from '../../../contracts/structure';
import { get, put } from '../../lib/api';

export type { EditablePage, PublicProfile, PublicSite, PublicSiteInput };
export type TeamMember = NetworkStructure['team'][number];
export type BodyKind = NetworkStructure['bodies'][number]['kind'];

const base = (networkId: string) => `/networks/${networkId}`;
export const publicAdminKey = (networkId: string) => ['networks', networkId, 'public-admin'] as const;

export const siteQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...publicAdminKey(networkId), 'site'],
    queryFn: ({ signal }) => get<PublicSite>(`${base(networkId)}/public-site`, signal),
  });

export const saveSite = (networkId: string, input: PublicSiteInput) =>
  put<PublicSite>(`${base(networkId)}/public-site`, input);

export const profileQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...publicAdminKey(networkId), 'profile'],
    queryFn: ({ signal }) => get<PublicProfile>(`${base(networkId)}/public-profile`, signal),
  });

export const structureQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...publicAdminKey(networkId), 'structure'],
    queryFn: ({ signal }) => get<NetworkStructure>(`${base(networkId)}/structure`, signal),
  });

export const pageQuery = (networkId: string, kind: PageKind) =>
  queryOptions({
    queryKey: [...publicAdminKey(networkId), 'page', kind],
    queryFn: ({ signal }) => get<EditablePage>(`${base(networkId)}/public-pages/${kind}`, signal),
  });

export const saveProfile = (networkId: string, input: { slug: string; contactEmail: string }) =>
  put<PublicProfile>(`${base(networkId)}/public-profile`, input);

export const saveTeam = (networkId: string, team: TeamMember[]) =>
  put<NetworkStructure>(`${base(networkId)}/structure/team`, team);

export const saveBody = (networkId: string, kind: BodyKind, input: { name: string; description: string }) =>
  put<NetworkStructure>(`${base(networkId)}/structure/bodies/${kind}`, input);

export const savePage = (networkId: string, kind: PageKind, body: string) =>
  put<EditablePage>(`${base(networkId)}/public-pages/${kind}`, { body });
