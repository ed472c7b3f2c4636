// The paging and sorting half of every list's URL state, and the database arguments for one
// page. A list adds its own filters to `listQueryFields(...)` and spreads `pageArgs(query)` into
// its findMany; every sort column needs an index ("<column>, id").
import { z } from "zod";

export type TSortDir = "asc" | "desc";

/** page, pageSize, sort and dir; anything malformed falls back to the default. */
export function listQueryFields<const TSort extends string>(sorts: readonly [TSort, ...TSort[]], defaults: { sort: NoInfer<TSort>; dir: TSortDir }) {
  return {
    page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
    pageSize: z.coerce.number().int().min(5).max(100).catch(25).default(25),
    sort: z.enum(sorts).catch(defaults.sort).default(defaults.sort),
    dir: z.enum(["asc", "desc"]).catch(defaults.dir).default(defaults.dir),
  };
}

/** One page sorted by the chosen column, then id, so rows with equal values keep their order between pages. */
export function pageArgs<TSort extends string>(query: { page: number; pageSize: number; sort: TSort; dir: TSortDir }) {
  return {
    orderBy: [{ [query.sort]: query.dir } as { [K in TSort]: TSortDir }, { id: query.dir }],
    skip: (query.page - 1) * query.pageSize,
    take: query.pageSize,
  };
}
