import { queryOptions } from '@tanstack/react-query';
import type {
  FeedbackInput,
  PageKind,
  PublicNetwork,
  PublicNetworkListItem,
  PublicPage,
} from '../../../contracts/publicsite';
import { get, post } from '../../lib/api';

export const publicNetworksQuery = queryOptions({
  queryKey: ['public', 'networks'],
  queryFn: ({ signal }) => get<PublicNetworkListItem[]>('/public/networks', signal),
  staleTime: 60_000,
});

export const publicNetworkQuery = (slug: string) =>
  queryOptions({
    queryKey: ['public', 'network', slug],
    queryFn: ({ signal }) => get<PublicNetwork>(`/public/networks/${encodeURIComponent(slug)}`, signal),
    staleTime: 60_000,
    retry: false,
  });

export const publicPageQuery = (slug: string, kind: PageKind) =>
  queryOptions({
    queryKey: ['public', 'network', slug, 'page', kind],
    queryFn: ({ signal }) =>
      get<PublicPage>(`/public/networks/${encodeURIComponent(slug)}/pages/${kind}`, signal),
    staleTime: 60_000,
    retry: false,
  });

export const sendFeedback = (slug: string, input: FeedbackInput) =>
  post<{ received: true }>(`/public/networks/${encodeURIComponent(slug)}/feedback`, input);
