import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { Page } from '../../../contracts/common';
import type { FieldOfAction } from '../../../contracts/contract';
import type { Decision, DecisionQuery } from '../../../contracts/steering';
import { get, patch, qs } from '../../lib/api';

export type DecisionStatus = Decision['status'];
export type DecisionFilters = DecisionQuery;

export const decisionsKey = (networkId: string) => ['networks', networkId, 'decisions'] as const;

/** The register page by page (50 at a time, "Weitere laden"), filtered on the server. */
export const decisionsQuery = (networkId: string, filters: DecisionFilters) =>
  infiniteQueryOptions({
    queryKey: [...decisionsKey(networkId), filters],
    queryFn: ({ signal, pageParam }) =>
      get<Page<Decision>>(`/networks/${networkId}/decisions${qs({ ...filters, after: pageParam })}`, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The register as an Excel file, filtered like the table on screen. */
export const exportUrl = (networkId: string, filters: DecisionFilters) =>
  `/api/networks/${networkId}/decisions/export.xlsx${qs(filters)}`;

export const setDecisionStatus = (networkId: string, decisionId: string, status: DecisionStatus) =>
  patch<Decision>(`/networks/${networkId}/decisions/${decisionId}`, { status });

/** All fields of action ever agreed, for the filter (the register reaches back years). */
export const fieldsQuery = (networkId: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'contract', 'fields', 'today'],
    queryFn: ({ signal }) => get<FieldOfAction[]>(`/networks/${networkId}/fields`, signal),
  });
