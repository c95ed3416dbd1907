import { NextResponse, type NextRequest } from "next/server";
import { calendlyOrigins, contentSecurityPolicy, staticSecurityHeaders } from "@/lib/security/headers";

/**
 * Runs before every request: a fresh CSP nonce for pages (Next applies it to its own scripts; the root layout
 * applies it to ours) and the security headers for everything.
 */
export function proxy(request: NextRequest) {
  const https = (process.env.APP_URL ?? request.nextUrl.origin).startsWith("https://");
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  const requestHeaders = new Headers(request.headers);
  let csp: string | null = null;
  if (!isApi) {
    const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
    csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development", calendly: calendlyOrigins(), https });
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (csp) response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
