import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AnswerForm,
  BankQuestion,
  Instrument,
  QuestionInput,
  SurveyDetail,
  SurveyResults,
  SurveySummary,
} from '../../../contracts/surveys';
import { del, get, patch, post, qs } from '../../lib/api';

export type { SurveyDetail, SurveyResults, SurveySummary };
export type QuestionBody = z.input<typeof QuestionInput>;
export type AnswerFormData = z.infer<typeof AnswerForm>;

const base = (nid: string) => `/networks/${nid}/surveys`;
export const surveysKey = (nid: string) => ['networks', nid, 'surveys'] as const;

export const surveysQuery = (nid: string, filter: { subjectKind?: string; subjectId?: string } = {}) =>
  queryOptions({
    queryKey: [...surveysKey(nid), 'list', filter],
    queryFn: ({ signal }) => get<SurveySummary[]>(`${base(nid)}${qs(filter)}`, signal),
  });
export const surveyQuery = (nid: string, id: string) =>
  queryOptions({
    queryKey: [...surveysKey(nid), id],
    queryFn: ({ signal }) => get<SurveyDetail>(`${base(nid)}/${id}`, signal),
  });
export const resultsQuery = (nid: string, id: string, group?: string) =>
  queryOptions({
    queryKey: [...surveysKey(nid), id, 'results', group ?? ''],
    queryFn: ({ signal }) => get<SurveyResults>(`${base(nid)}/${id}/results${qs({ group })}`, signal),
  });
export const fieldResultsQuery = (nid: string, fieldId: string) =>
  queryOptions({
    queryKey: [...surveysKey(nid), 'field', fieldId],
    queryFn: ({ signal }) => get<SurveyResults[]>(`${base(nid)}/fields/${fieldId}`, signal),
  });
export const instrumentsQuery = (nid: string) =>
  queryOptions({
    queryKey: [...surveysKey(nid), 'instruments'],
    queryFn: ({ signal }) => get<z.infer<typeof Instrument>[]>(`${base(nid)}/instruments`, signal),
  });
export const bankQuery = (nid: string) =>
  queryOptions({
    queryKey: [...surveysKey(nid), 'bank'],
    queryFn: ({ signal }) => get<z.infer<typeof BankQuestion>[]>(`${base(nid)}/bank`, signal),
  });

export type CreateBody = {
  title: string;
  subjectKind: SurveySummary['subjectKind'];
  subjectId?: string | null;
  year: number;
  instrument?: string | null;
};
export const createSurvey = (nid: string, body: CreateBody) => post<SurveyDetail>(base(nid), body);
export const setStatus = (nid: string, id: string, status: 'open' | 'closed', version: number) =>
  post<SurveyDetail>(`${base(nid)}/${id}/status`, { status, version });
export const addQuestion = (nid: string, id: string, body: QuestionBody) =>
  post<SurveyDetail>(`${base(nid)}/${id}/questions`, body);
export const moveQuestion = (nid: string, id: string, qid: string, direction: 'up' | 'down') =>
  post<SurveyDetail>(`${base(nid)}/${id}/questions/${qid}/move`, { direction });
export const removeQuestion = (nid: string, id: string, qid: string) =>
  del<SurveyDetail>(`${base(nid)}/${id}/questions/${qid}`);
export const saveToBank = (nid: string, id: string, questionId: string) =>
  post(`${base(nid)}/${id}/bank`, { questionId });
export const addFromBank = (nid: string, id: string, bankQuestionId: string) =>
  post<SurveyDetail>(`${base(nid)}/${id}/questions/from-bank`, { bankQuestionId });
export const mintLinks = (nid: string, id: string, count: number) =>
  post<{ urls: string[] }>(`${base(nid)}/${id}/links`, { count });
export const sendToParticipants = (nid: string, id: string) =>
  post<{ queued: number }>(`${base(nid)}/${id}/send`);
export const exportUrl = (nid: string, id: string) => `/api${base(nid)}/${id}/results.xlsx`;
export const updateSurvey = (
  nid: string,
  id: string,
  body: { version: number; title?: string; intro?: string },
) => patch<SurveyDetail>(`${base(nid)}/${id}`, body);

export const answerFormQuery = (token: string) =>
  queryOptions({
    queryKey: ['survey-answers', token],
    queryFn: ({ signal }) => get<AnswerFormData>(`/survey-answers/${token}`, signal),
    retry: false,
  });
export const submitAnswers = (token: string, answers: Record<string, string | string[] | number>) =>
  post<{ ok: true }>(`/survey-answers/${token}`, { answers });
