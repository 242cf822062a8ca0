import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contactsKey } from '../api';

/**
 * A person's or institution's form dialog saving: create or update, then refresh the whole address book
 * (lists, counts and details show the record), close and hand the saved record on.
 */
export function useSaveContact<I, S>(
  networkId: string,
  save: (body: I) => Promise<S>,
  onClose: () => void,
  onSaved?: (saved: S) => void,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: async (saved) => {
      await qc.invalidateQueries({ queryKey: contactsKey(networkId) });
      onClose();
      onSaved?.(saved);
    },
  });
}
