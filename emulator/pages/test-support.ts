// Helpers for the booking-page tests: fetch pages and post forms like a browser, read links and the embed config.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { TestEmulator } from "../tests/support";

export interface PageResponse {
  status: number;
  html: string;
  location: string | null;
}

export const unescapeHtml = (text: string): string => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

export async function getPage(emu: TestEmulator, path: string, accept = "text/html"): Promise<PageResponse> {
  const response = await fetch(path.startsWith("http") ? path : `${emu.url}${path}`, { headers: { accept }, redirect: "manual" });
  return { status: response.status, html: await response.text(), location: response.headers.get("location") };
}

/** Posts an urlencoded form (repeated keys allowed), as a browser submits `<form method="post">`. */
export async function postForm(emu: TestEmulator, path: string, fields: [string, string][]): Promise<PageResponse> {
  const response = await fetch(path.startsWith("http") ? path : `${emu.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
  return { status: response.status, html: await response.text(), location: response.headers.get("location") };
}

/** hrefs of the open time links (`a.slot`) in document order. */
export function slotLinks(html: string): string[] {
  return [...html.matchAll(/<a class="slot" href="([^"]+)"/g)].map((m) => unescapeHtml(m[1]));
}

export function dayLinks(html: string): string[] {
  return [...html.matchAll(/<a class="day[^"]*" href="([^"]+)"/g)].map((m) => unescapeHtml(m[1]));
}

export function formAction(html: string): string {
  const match = /<form method="post" action="([^"]+)"/.exec(html);
  if (!match) throw new Error("no post form on the page");
  return unescapeHtml(match[1]);
}

/** The page's embed config: `{ embedded, messages: [{ event, payload }] }`. */
export function pageConfig(html: string): { embedded: boolean; messages: { event: string; payload?: Record<string, unknown> }[] } {
  const match = /<script type="application\/json" id="calendly-page-config">([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error("no page config");
  return JSON.parse(match[1]) as ReturnType<typeof pageConfig>;
}

export function inputValue(html: string, name: string): string | null {
  const match = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html);
  return match ? unescapeHtml(match[1]) : null;
}

export function verifySignature(key: string, rawBody: string, header: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2)));
  const expected = createHmac("sha256", key).update(`${parts.t}.${rawBody}`).digest("hex");
  return typeof parts.v1 === "string" && parts.v1.length === expected.length && timingSafeEqual(Buffer.from(parts.v1), Buffer.from(expected));
}

export function eventTypeUri(emu: TestEmulator, slug: string): string {
  const et = [...emu.store.state.eventTypes.values()].find((x) => x.slug === slug);
  if (!et) throw new Error(`no event type ${slug}`);
  return `${emu.publicUrl}/event_types/${et.uuid}`;
}
