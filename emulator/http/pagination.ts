// Keyset pagination with opaque page tokens and full next/previous URLs (REFERENCE §2.7).
import { invalidParam } from "./api-error";

export type SortKey = (string | number)[];

export interface Pagination {
  count: number;
  next_page: string | null;
  previous_page: string | null;
  next_page_token: string | null;
  previous_page_token: string | null;
}

interface TokenData {
  d: "n" | "p";
  k: SortKey;
}

function encodeToken(data: TokenData): string {
  return Buffer.from(JSON.stringify(data)).toString("base64url");
}

function decodeToken(token: string): TokenData {
  try {
    const data = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as TokenData;
    if ((data.d === "n" || data.d === "p") && Array.isArray(data.k)) return data;
  } catch {
    // fall through to the 400 below
  }
  throw invalidParam("page_token", "is invalid");
}

export function compareKeys(a: SortKey, b: SortKey, directions: ("asc" | "desc")[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const dir = directions[i] === "desc" ? -1 : 1;
    if (a[i] < b[i]) return -dir;
    if (a[i] > b[i]) return dir;
  }
  return 0;
}

export interface PageInput<T> {
  items: T[];
  keyOf: (item: T) => SortKey;
  directions: ("asc" | "desc")[];
  count: number;
  pageToken: string | null;
  /** Absolute URL of the collection, without query. */
  url: string;
  query: URLSearchParams;
}

function pageUrl(url: string, query: URLSearchParams, count: number, token: string | null): string | null {
  if (!token) return null;
  const params = new URLSearchParams(query);
  params.set("count", String(count));
  params.set("page_token", token);
  return `${url}?${params.toString()}`;
}

/** Sorts by the key, cuts one page at the token's key, and builds Calendly's pagination object. */
export function paginate<T>(input: PageInput<T>): { collection: T[]; pagination: Pagination } {
  const cmp = (a: SortKey, b: SortKey) => compareKeys(a, b, input.directions);
  const sorted = [...input.items].sort((a, b) => cmp(input.keyOf(a), input.keyOf(b)));
  let from = 0;
  let to = Math.min(sorted.length, input.count);
  if (input.pageToken) {
    const token = decodeToken(input.pageToken);
    if (token.d === "n") {
      from = sorted.findIndex((item) => cmp(input.keyOf(item), token.k) > 0);
      if (from < 0) from = sorted.length;
      to = Math.min(sorted.length, from + input.count);
    } else {
      to = sorted.findIndex((item) => cmp(input.keyOf(item), token.k) >= 0);
      if (to < 0) to = sorted.length;
      from = Math.max(0, to - input.count);
    }
  }
  const collection = sorted.slice(from, to);
  const next = to < sorted.length && collection.length > 0 ? encodeToken({ d: "n", k: input.keyOf(collection[collection.length - 1]) }) : null;
  const previous = from > 0 && collection.length > 0 ? encodeToken({ d: "p", k: input.keyOf(collection[0]) }) : null;
  return {
    collection,
    pagination: {
      count: input.count,
      next_page: pageUrl(input.url, input.query, input.count, next),
      previous_page: pageUrl(input.url, input.query, input.count, previous),
      next_page_token: next,
      previous_page_token: previous,
    },
  };
}
