/**
 * A submitted form's fields as the contracts take them: text trimmed, and for an optional field
 * (e-mail, phone, a chosen id …) null when left empty.
 */
export function formFields(fd: FormData) {
  const text = (name: string) => String(fd.get(name) ?? '').trim();
  return { text, optional: (name: string) => text(name) || null };
}

/**
 * Clears a form after its add request succeeded, unless the user has already started typing the next
 * entry: a quick typist's second item must not vanish when the first one's answer arrives.
 */
export function resetIfUnchanged(form: HTMLFormElement, sent: FormData) {
  const now = new FormData(form);
  for (const [name, value] of sent) if (now.get(name) !== value) return;
  form.reset();
}
