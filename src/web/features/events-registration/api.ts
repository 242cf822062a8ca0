import { queryOptions } from '@tanstack/react-query';
import type {
  InvitationView,
  MyRegistration,
  RegistrationChange,
  RegistrationForm,
  RegistrationInput,
  RegistrationList,
  RegistrationResult,
} from '../../../contracts/events-registration';
import { get, patch, post } from '../../lib/api';

export const formQuery = (slug: string, eventId: string) =>
  queryOptions({
    queryKey: ['public', slug, 'events', eventId, 'registration'],
    queryFn: ({ signal }) =>
      get<RegistrationForm>(`/public/networks/${slug}/events/${eventId}/registration`, signal),
  });

export const registerPublic = (slug: string, eventId: string, body: RegistrationInput) =>
  post<RegistrationResult>(`/public/networks/${slug}/events/${eventId}/registrations`, body);

export const myQuery = (token: string) =>
  queryOptions({
    queryKey: ['event-registration', token],
    queryFn: ({ signal }) => get<MyRegistration>(`/event-registrations/${token}`, signal),
    retry: false,
  });

export const changeMine = (token: string, body: RegistrationChange) =>
  patch<MyRegistration>(`/event-registrations/${token}`, body);
export const actOnMine = (token: string, action: 'cancel' | 'accept' | 'decline') =>
  post<MyRegistration>(`/event-registrations/${token}/${action}`);

export const invitationQuery = (token: string) =>
  queryOptions({
    queryKey: ['event-invitation', token],
    queryFn: ({ signal }) => get<InvitationView>(`/event-invitations/${token}`, signal),
    retry: false,
  });
export const registerByInvitation = (token: string, body: RegistrationInput) =>
  post<RegistrationResult>(`/event-invitations/${token}/register`, body);

export const listQuery = (networkId: string, eventId: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'events', eventId, 'registrations'],
    queryFn: ({ signal }) =>
      get<RegistrationList>(`/networks/${networkId}/events/${eventId}/registrations`, signal),
  });
export const addByHand = (networkId: string, eventId: string, body: RegistrationInput) =>
  post<RegistrationResult>(`/networks/${networkId}/events/${eventId}/registrations`, body);
export const cancelByOffice = (networkId: string, eventId: string, registrationId: string) =>
  post<RegistrationList>(`/networks/${networkId}/events/${eventId}/registrations/${registrationId}/cancel`);
