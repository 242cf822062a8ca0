import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CalendarLink as CalendarLinkSchema,
  CalendarLinkStatus as StatusSchema,
} from '../../../contracts/steering';
import { get, post } from '../../lib/api';
import { authClient, unwrap } from '../../lib/auth-client';

export const updateName = (name: string) => unwrap(authClient.updateUser({ name }));
export const changePassword = (currentPassword: string, newPassword: string) =>
  unwrap(authClient.changePassword({ currentPassword, newPassword, revokeOtherSessions: true }));
export const enableTwoFactor = (password: string) =>
  unwrap(authClient.twoFactor.enable({ password })) as Promise<{ totpURI: string; backupCodes: string[] }>;
export const verifyTwoFactor = (code: string) => unwrap(authClient.twoFactor.verifyTotp({ code }));
type CalendarLinkStatus = z.infer<typeof StatusSchema>;
type CalendarLink = z.infer<typeof CalendarLinkSchema>;

export const disableTwoFactor = (password: string) => unwrap(authClient.twoFactor.disable({ password }));

/** Whether the signed-in person is a committee member in this network and has a calendar link. */
export const calendarLinkQuery = (networkId: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'my-calendar-link'],
    queryFn: ({ signal }) => get<CalendarLinkStatus>(`/networks/${networkId}/my-calendar-link`, signal),
    retry: false,
  });

/** A new link; earlier ones stop at once. The URL is shown this one time only. */
export const rotateCalendarLink = (networkId: string) =>
  post<CalendarLink>(`/networks/${networkId}/my-calendar-link`);
