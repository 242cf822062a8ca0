import { queryOptions } from '@tanstack/react-query';
import type { FieldOfAction } from '../../../contracts/contract';
import type { StoredFile } from '../../../contracts/files';
import type {
  AssignableOrder,
  ProjectDetail,
  ProjectInput,
  ProjectPatch,
  ProjectSummary,
  Task,
  TaskInput,
  TaskPatch,
} from '../../../contracts/work-projects';
import { api, del, get, patch, post } from '../../lib/api';

const base = (networkId: string) => `/networks/${networkId}/work`;
const one = (networkId: string, projectId: string) => `${base(networkId)}/projects/${projectId}`;

/** Every query of the projects shares this prefix, so one invalidation refreshes them all. */
export const projectsKey = (networkId: string) => ['networks', networkId, 'work', 'projects'] as const;

export const projectsQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...projectsKey(networkId), 'list'],
    queryFn: ({ signal }) => get<ProjectSummary[]>(`${base(networkId)}/projects`, signal),
  });

export const projectQuery = (networkId: string, projectId: string) =>
  queryOptions({
    queryKey: [...projectsKey(networkId), 'detail', projectId],
    queryFn: ({ signal }) => get<ProjectDetail>(one(networkId, projectId), signal),
  });

/** Who can lead a project or take a task: the office staff, as the orders part lists them. */
export { officeStaffQuery as staffQuery } from '../work-orders/api';

export const assignableOrdersQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...projectsKey(networkId), 'assignable-orders'],
    queryFn: ({ signal }) => get<AssignableOrder[]>(`${base(networkId)}/project-orders`, signal),
  });

export const fieldsQuery = (networkId: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'contract', 'fields', 'today'],
    queryFn: ({ signal }) => get<FieldOfAction[]>(`/networks/${networkId}/fields`, signal),
  });

export const createProject = (networkId: string, input: ProjectInput) =>
  post<ProjectDetail>(`${base(networkId)}/projects`, input);
export const updateProject = (networkId: string, projectId: string, input: ProjectPatch) =>
  patch<ProjectDetail>(one(networkId, projectId), input);
export const closeProject = (networkId: string, projectId: string, version: number, force: boolean) =>
  post<ProjectDetail>(`${one(networkId, projectId)}/close`, { version, force });
export const reopenProject = (networkId: string, projectId: string, version: number) =>
  post<ProjectDetail>(`${one(networkId, projectId)}/reopen`, { version });
export const assignOrder = (networkId: string, projectId: string, orderId: string, weight?: number) =>
  post<ProjectDetail>(`${one(networkId, projectId)}/orders`, { orderId, weight });
export const unassignOrder = (networkId: string, projectId: string, orderId: string) =>
  del(`${one(networkId, projectId)}/orders/${orderId}`);

export const createTask = (networkId: string, projectId: string, input: TaskInput) =>
  post<Task>(`${one(networkId, projectId)}/tasks`, input);
export const updateTask = (networkId: string, projectId: string, taskId: string, input: TaskPatch) =>
  patch<Task>(`${one(networkId, projectId)}/tasks/${taskId}`, input);
export const addChecklistItem = (networkId: string, projectId: string, taskId: string, label: string) =>
  post<Task>(`${one(networkId, projectId)}/tasks/${taskId}/checklist`, { label });
export const checkChecklistItem = (
  networkId: string,
  projectId: string,
  taskId: string,
  index: number,
  done: boolean,
) => patch<Task>(`${one(networkId, projectId)}/tasks/${taskId}/checklist/${index}`, { done });
export const removeChecklistItem = (networkId: string, projectId: string, taskId: string, index: number) =>
  del(`${one(networkId, projectId)}/tasks/${taskId}/checklist/${index}`);

export const addMilestone = (networkId: string, projectId: string, input: { title: string; dueOn: string }) =>
  post<ProjectDetail>(`${one(networkId, projectId)}/milestones`, input);
export const setMilestoneReached = (
  networkId: string,
  projectId: string,
  milestoneId: string,
  reachedOn: string | null,
) => patch<ProjectDetail>(`${one(networkId, projectId)}/milestones/${milestoneId}`, { reachedOn });
export const addPartner = (networkId: string, projectId: string, input: { name: string; role: string }) =>
  post<ProjectDetail>(`${one(networkId, projectId)}/partners`, input);
export const removePart = (
  networkId: string,
  projectId: string,
  kind: 'milestones' | 'partners' | 'documents',
  id: string,
) => del(`${one(networkId, projectId)}/${kind}/${id}`);

/** Uploads the file to the network's file store (members may read it), then links it to the project. */
export async function addDocument(networkId: string, projectId: string, file: File, title: string) {
  const fd = new FormData();
  fd.append('visibility', 'members');
  fd.append('file', file, file.name);
  const stored = await api<StoredFile>(`/networks/${networkId}/files`, { method: 'POST', body: fd });
  return post<ProjectDetail>(`${one(networkId, projectId)}/documents`, { fileId: stored.id, title });
}

export const fileUrl = (networkId: string, fileId: string) =>
  `/api/networks/${networkId}/files/${fileId}/content`;
