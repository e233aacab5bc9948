import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

/** Trims a filter; states are two-letter codes the API matches in upper case. */
export function trimFilter(key: string, value: string): string {
  return key === 'state' ? value.trim().toUpperCase() : value.trim();
}

/**
 * A filter form whose submitted values live in the address (so a search can be shared and revisited):
 * `form` is what is being typed, `query` the filters in force, `cursor` the page (see UrlPager).
 * Blank fields are left out; `normalise` shapes the others before they go into the address.
 */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
  normalise: (key: K, value: string) => string = (_key, value) => value,
) {
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState(
    () => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>,
  );
  const cursor = params.get('cursor') ?? undefined;
  const query = Object.fromEntries(
    keys.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])),
  ) as Partial<Record<K, string>>;
  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const k of keys) if (form[k].trim()) next.set(k, normalise(k, form[k]));
    setParams(next);
  }
  /** onChange for the control of one filter. */
  const bind = (key: K) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  return { form, setForm, query, cursor, submit, bind };
}
