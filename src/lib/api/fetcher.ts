/**
 * Browser-side calls to Sessionly's own API: JSON in and out, and one error type that carries the server's message,
 * field errors and request id (so a toast can say what went wrong and quote the reference).
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly fields?: Record<string, string[]>,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const response = await fetch(path, {
    ...rest,
    headers: { accept: "application/json", ...(json !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const error = (body as { error?: { message?: string; code?: string; fields?: Record<string, string[]>; requestId?: string } } | null)?.error;
    throw new ApiRequestError(response.status, error?.message ?? `Request failed (${response.status}).`, error?.code, error?.fields, error?.requestId);
  }
  return body as T;
}

/** SWR fetcher for GET routes. */
export const swrFetcher = <T,>(path: string) => apiFetch<T>(path);
