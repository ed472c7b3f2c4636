/** The URL parameters that page and sort a list; any other one with a value filters it. */
const PAGING_PARAMETERS = new Set(["page", "pageSize", "sort", "dir"]);

/**
 * What an empty page of a list says: past the last page, nothing matching the filters, or nothing
 * yet (a list without filters that has no rows: "match these filters" would send people looking
 * for a filter that is not there).
 */
export function emptyListMessage(noun: string, { total, page, pageSize, params }: { total: number; page: number; pageSize: number; params: Iterable<[string, string]> }): string {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total > 0 && page > pages) return `This page is past the last one: ${total} ${noun} fill ${pages} page${pages === 1 ? "" : "s"}.`;
  const filtered = [...params].some(([name, value]) => !PAGING_PARAMETERS.has(name) && value.trim() !== "");
  return filtered ? `No ${noun} match these filters.` : `No ${noun} yet.`;
}
