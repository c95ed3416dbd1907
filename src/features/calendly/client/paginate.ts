// Async iteration over Calendly's paginated collections. The next page is asked for with the token from
// `next_page_token` or, in older responses that only carry `next_page`, the `page_token` of that URL, through the same
// list function: same filters, same schema, same host (the bearer token never goes to a host a response named).
import { CalendlyResponseError } from "./errors";
import type { PageParams } from "./request-types";
import type { CalendlyCollection, CalendlyPagination } from "./schema-primitives";

export type ListFunction<P extends PageParams, T> = (params: P) => Promise<CalendlyCollection<T>>;

/** Page size used when the caller does not choose one: Calendly's maximum, to spend fewer requests. */
export const DEFAULT_PAGE_SIZE = 100;

function nextPageToken(pagination: CalendlyPagination): string | null {
  if (pagination.next_page_token) return pagination.next_page_token;
  if (!pagination.next_page) return null;
  const url = new URL(pagination.next_page);
  const token = url.searchParams.get("page_token");
  if (!token) {
    throw new CalendlyResponseError({ method: "GET", path: url.pathname }, 200, "pagination.next_page has no page_token");
  }
  return token;
}

/** Every page of a collection, first to last. */
export async function* pages<P extends PageParams, T>(list: ListFunction<P, T>, params: P): AsyncGenerator<CalendlyCollection<T>> {
  let pageParams: P = { count: DEFAULT_PAGE_SIZE, ...params };
  const seenTokens = new Set<string>();
  for (;;) {
    const page = await list(pageParams);
    yield page;
    const token = nextPageToken(page.pagination);
    if (!token) return;
    if (seenTokens.has(token)) {
      throw new CalendlyResponseError({ method: "GET", path: "(pagination)" }, 200, "pagination returned a page token twice");
    }
    seenTokens.add(token);
    pageParams = { ...pageParams, page_token: token };
  }
}

/** Every item of a collection, across all pages: `for await (const event of paginate(client.listScheduledEvents, {...}))`. */
export async function* paginate<P extends PageParams, T>(list: ListFunction<P, T>, params: P): AsyncGenerator<T> {
  for await (const page of pages(list, params)) yield* page.collection;
}
