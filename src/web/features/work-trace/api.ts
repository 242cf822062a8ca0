import { queryOptions } from '@tanstack/react-query';
import type { TraceKind, TraceView } from '../../../contracts/trace';
import type { AdjustmentProposal, QualityCycle, QualityFieldSummary } from '../../../contracts/work-quality';
import { get, post } from '../../lib/api';

export const traceQuery = (networkId: string, kind: TraceKind, id: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'trace', kind, id],
    queryFn: ({ signal }) => get<TraceView>(`/networks/${networkId}/trace/${kind}/${id}`, signal),
  });

export const qualityKey = (networkId: string) => ['networks', networkId, 'work', 'quality'] as const;

export const qualityIndexQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...qualityKey(networkId), 'index'],
    queryFn: ({ signal }) => get<QualityFieldSummary[]>(`/networks/${networkId}/work/quality`, signal),
  });

export const qualityQuery = (networkId: string, fieldId: string) =>
  queryOptions({
    queryKey: [...qualityKey(networkId), fieldId],
    queryFn: ({ signal }) => get<QualityCycle>(`/networks/${networkId}/work/quality/${fieldId}`, signal),
  });

export const proposeAdjustment = (networkId: string, fieldId: string, body: AdjustmentProposal) =>
  post<{ meetingId: string; meetingTitle: string; itemTitle: string }>(
    `/networks/${networkId}/work/quality/${fieldId}/adjustment`,
    body,
  );
