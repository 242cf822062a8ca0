import { queryOptions } from '@tanstack/react-query';
import type { Page } from '../../../contracts/common';
import type { FieldOfAction } from '../../../contracts/contract';
import type { Decision } from '../../../contracts/steering';
import type { OfficeStaff } from '../../../contracts/work';
import type {
  OrderInput,
  OrderPatch,
  OrderQuery,
  OrderTransition,
  WorkOrder,
  WorkOrderDetail,
} from '../../../contracts/work-orders';
import { get, patch, post, qs } from '../../lib/api';

const base = (networkId: string) => `/networks/${networkId}/work`;

/** Every query of the work orders shares this prefix, so one invalidation refreshes them all. */
export const ordersKey = (networkId: string) => ['networks', networkId, 'work', 'orders'] as const;

export type OrderFilters = Omit<OrderQuery, 'overdue'> & { overdue?: 'true' };

export const ordersQuery = (networkId: string, filters: OrderFilters) =>
  queryOptions({
    queryKey: [...ordersKey(networkId), 'list', filters],
    queryFn: ({ signal }) => get<WorkOrder[]>(`${base(networkId)}/orders${qs(filters)}`, signal),
  });

export const orderQuery = (networkId: string, orderId: string) =>
  queryOptions({
    queryKey: [...ordersKey(networkId), 'one', orderId],
    queryFn: ({ signal }) => get<WorkOrderDetail>(`${base(networkId)}/orders/${orderId}`, signal),
  });

export const officeStaffQuery = (networkId: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'work', 'office-staff'],
    queryFn: ({ signal }) => get<OfficeStaff[]>(`${base(networkId)}/office-staff`, signal),
  });

/** Taken decisions of type work order, newest first (the register's type filter). */
export const workOrderDecisionsQuery = (networkId: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'decisions', { type: 'work_order' }, 'picker'],
    queryFn: async ({ signal }) =>
      (
        await get<Page<Decision>>(
          `/networks/${networkId}/decisions${qs({ type: 'work_order', limit: 200 })}`,
          signal,
        )
      ).items,
  });

export const fieldsQuery = (networkId: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'contract', 'fields', 'today'],
    queryFn: ({ signal }) => get<FieldOfAction[]>(`/networks/${networkId}/fields`, signal),
  });

export const createOrder = (networkId: string, input: OrderInput) =>
  post<WorkOrderDetail>(`${base(networkId)}/orders`, input);

export const updateOrder = (networkId: string, orderId: string, input: OrderPatch) =>
  patch<WorkOrderDetail>(`${base(networkId)}/orders/${orderId}`, input);

export const moveOrder = (networkId: string, orderId: string, input: OrderTransition) =>
  post<WorkOrderDetail>(`${base(networkId)}/orders/${orderId}/transitions`, input);
