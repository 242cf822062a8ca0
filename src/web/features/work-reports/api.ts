import { queryOptions } from '@tanstack/react-query';
import type {
  OfficeReportInput,
  OfficeReportProposal,
  OfficeReportResult,
  ProgressReport,
  ReportInput,
  ReportList,
  ReportUpdate,
} from '../../../contracts/work-reports';
import { get, post, put, qs } from '../../lib/api';

export type ReportSubjectRef = { orderId: string } | { projectId: string };

/** Every query of the reports shares this prefix, so one invalidation refreshes them all. */
export const reportsKey = (networkId: string) => ['networks', networkId, 'work', 'reports'] as const;

export const reportsQuery = (networkId: string, subject: ReportSubjectRef) =>
  queryOptions({
    queryKey: [...reportsKey(networkId), 'list', subject],
    queryFn: ({ signal }) => get<ReportList>(`/networks/${networkId}/work/reports${qs(subject)}`, signal),
  });

export const officeReportQuery = (networkId: string, meetingId: string) =>
  queryOptions({
    queryKey: [...reportsKey(networkId), 'proposal', meetingId],
    queryFn: ({ signal }) =>
      get<OfficeReportProposal>(
        `/networks/${networkId}/meetings/${meetingId}/office-report-proposal`,
        signal,
      ),
  });

export const createReport = (networkId: string, body: ReportInput) =>
  post<ProgressReport>(`/networks/${networkId}/work/reports`, body);

export const updateReport = (networkId: string, reportId: string, body: ReportUpdate) =>
  put<ProgressReport>(`/networks/${networkId}/work/reports/${reportId}`, body);

export const addOfficeReport = (networkId: string, meetingId: string, body: OfficeReportInput) =>
  post<OfficeReportResult>(`/networks/${networkId}/meetings/${meetingId}/office-report`, body);
