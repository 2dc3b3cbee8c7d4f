/**
 * What was typed in a refused form. Without JavaScript the browser draws the page again from the server's answer, so
 * the action sends the text back with the failure (`formFailure(error, { values: formValues(form) })`) and the page
 * uses it as default values. Files are never sent back: a browser cannot refill a file input.
 */
export type FormValues = Record<string, string[]>;

/** The text values of a posted form, by name, in order (several for checkboxes and repeated inputs). */
export function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') (values[name] ??= []).push(value);
  }
  return values;
}

/**
 * Reads the values sent back with a refusal. On the first display nothing was sent back and every accessor gives the
 * page's default; after a refusal the typed values win, and a checkbox absent from the post was left unticked.
 */
export function typedValues(values: FormValues | null | undefined) {
  return {
    /** A text input, text area, select or radio group. */
    text: (name: string, fallback = ''): string => values?.[name]?.[0] ?? fallback,
    /** Every value of inputs sharing one name (repeated inputs), in order. */
    all: (name: string): string[] => values?.[name] ?? [],
    /** Whether a checkbox, or one option of a group sharing a name, was ticked. */
    checked: (name: string, value = 'on', fallback = false): boolean => (values ? (values[name] ?? []).includes(value) : fallback),
  };
}

export type TypedValues = ReturnType<typeof typedValues>;
