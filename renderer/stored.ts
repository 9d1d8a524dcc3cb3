// The analyst's small lists kept in the renderer's storage (spelling words,
// learned word pairs, recent palette commands): read through a checker of
// their own, and an empty list when missing, unreadable or refused.

/** A stored list, read with `read` (which keeps what is valid); [] on any trouble. */
export function loadStoredList<T>(key: string, read: (raw: unknown) => T[]): T[] {
  try {
    return read(JSON.parse(localStorage.getItem(key) ?? "[]"));
  } catch {
    return [];
  }
}
