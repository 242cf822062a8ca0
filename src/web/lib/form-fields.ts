/**
 * A submitted form's fields as the contracts take them: text trimmed, and for an optional field
 * (e-mail, phone, a chosen id …) null when left empty.
 */
export function formFields(fd: FormData) {
  const text = (name: string) => String(fd.get(name) ?? '').trim();
  return { text, optional: (name: string) => text(name) || null };
}
