import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api';

type Navigate = (to: '/konto' | '/anmelden') => void;
let navigateTo: Navigate = () => {};
export const setNavigator = (n: Navigate) => {
  navigateTo = n;
};

/** Errors that change where the user must be, whichever request met them first. */
function redirectOn(err: unknown) {
  if (!(err instanceof ApiError)) return;
  if (err.code === 'auth.second_factor_required') navigateTo('/konto');
  else if (err.status === 401 && !err.code.startsWith('auth.') && !err.code.startsWith('invitations.'))
    navigateTo('/anmelden');
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: redirectOn }),
  mutationCache: new MutationCache({ onError: redirectOn }),
  defaultOptions: {
    queries: {
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
