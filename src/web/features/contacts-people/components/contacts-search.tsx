import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui';
import { useSettled } from '../../../lib/use-settled';
import { ListBar } from './list-bar';

/**
 * The state behind a contacts list view: the typed search (settled after a short pause, so the search
 * runs as one types without a request per key) and the filters, together as the list's query.
 */
export function useContactsSearch<F extends Record<string, string | undefined>>(initial: F) {
  const [text, setText] = useState('');
  const q = useSettled(text.trim(), 250);
  const [filters, setFilters] = useState<F>(initial);
  /** An empty value lifts the filter. */
  const set = (k: keyof F, v: string) => setFilters((f) => ({ ...f, [k]: v || undefined }));
  return { text, setText, filters, set, query: { ...filters, q: q || undefined } };
}

const texts = { people: 'contactsPeople', institutions: 'contactsInstitutions' } as const;

/**
 * Above the people or institutions table: the search box, the filters (folded away; the fields are the
 * children), the live count (announced) and the exports of what is shown.
 */
export function ContactsSearch({
  networkId,
  what,
  text,
  onText,
  count,
  query,
  children,
}: {
  networkId: string;
  what: 'people' | 'institutions';
  text: string;
  onText: (text: string) => void;
  count: string | null;
  query: Record<string, string | undefined>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ns = texts[what];
  return (
    <>
      <search className="bn-contacts-search">
        <TextField
          label={t(`${ns}.search`)}
          hint={t(`${ns}.searchHint`)}
          type="search"
          value={text}
          onChange={(e) => onText(e.target.value)}
          autoComplete="off"
        />
      </search>
      <details className="bn-details bn-contacts-filters">
        <summary>{t(`${ns}.filters`)}</summary>
        <fieldset className="bn-filters">
          <legend className="kern-sr-only">{t(`${ns}.filters`)}</legend>
          {children}
        </fieldset>
      </details>
      <ListBar networkId={networkId} what={what} count={count} filters={query} />
    </>
  );
}
