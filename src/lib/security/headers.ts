/**
 * Security headers. Pages get a per-request CSP with a nonce (set by `src/proxy.ts`); every response gets the
 * static headers. Frames and scripts from outside are allowed only for the configured Calendly origins.
 * Kept free of server-only imports: the proxy runs before the app.
 */
export function calendlyOrigins(env: Record<string, string | undefined> = process.env): string[] {
  const origins = new Set<string>();
  const add = (value: string | undefined) => {
    if (!value) return;
    try {
      origins.add(new URL(value).origin);
    } catch {
      // ignore malformed values; env validation reports them
    }
  };
  if (env.CALENDLY_API_BASE) {
    // Real Calendly: the booking pages and the embed assets live on these hosts.
    add(env.CALENDLY_EMBED_BASE ?? "https://calendly.com");
    add("https://assets.calendly.com");
  } else {
    add(env.EMULATOR_PUBLIC_URL ?? `http://127.0.0.1:${env.EMULATOR_PORT ?? "4010"}`);
  }
  add(env.CALENDLY_EMBED_BASE);
  return [...origins];
}

export function contentSecurityPolicy(nonce: string, options: { development: boolean; calendly: string[]; https: boolean }): string {
  const calendly = options.calendly.join(" ");
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' ${calendly}${options.development ? " 'unsafe-eval'" : ""}`,
    // Radix positions popovers with inline style attributes, which nonces cannot cover.
    `style-src 'self' 'unsafe-inline' ${calendly}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.development ? " ws: wss:" : ""}`,
    `frame-src ${calendly}`,
    // Mailbox previews render e-mails from srcdoc in a sandbox.
    "child-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function staticSecurityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
