import type { Page } from '../../contracts/common.js';

/** What a repository reads for one page: `rows` items after the one with id `after`, in its stable order. */
export type PageRequest = { rows: number; after?: string };

/**
 * One page of a keyset-paginated list: asks for one row more than the page holds, so whether a next
 * page exists is known without counting; the cursor is the id of the page's last item.
 */
export async function keysetPage<T extends { id: string }>(
  limit: number,
  fetch: (rows: number) => Promise<T[]>,
): Promise<Page<T>> {
  const rows = await fetch(limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
