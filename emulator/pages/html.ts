// HTML helpers for the booking pages: escaping, the page shell (inline CSS, no external assets), the small inline
// script (browser time zone, day picking, Calendly's postMessage events when embedded) and not-found answers.
import { notFoundError } from "../http/api-error";
import type { HttpResult } from "../http/router";
import { colorParam, flag, isEmbedded } from "./params";

export const esc = (text: string | number | null | undefined): string =>
  String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A message for `window.parent.postMessage` (Calendly's `{ event, payload }`). */
export interface EmbedMessage {
  event: string;
  payload?: Record<string, unknown>;
  /** Sent once per browser tab (sessionStorage), e.g. `calendly.event_scheduled` for one invitee. */
  onceKey?: string;
}

export interface PageOptions {
  title: string;
  query: URLSearchParams;
  body: string;
  status?: number;
  messages?: EmbedMessage[];
  /** Current zone shown by the page; when `zoneFromBrowser` and the URL has no `timezone`, the browser's zone wins. */
  timezone?: string;
  zoneFromBrowser?: boolean;
  /** Narrow single-column card (forms, confirmations) instead of the wide two-column one. */
  narrow?: boolean;
}

const CSS = `
:root{--primary:#006bff;--primary-soft:#e5efff;--text:#1a1a1a;--muted:#4d5055;--line:#dadada;--bg:#f4f6f9;--card:#fff;--danger:#c0262d;--ok:#00875a}
*{box-sizing:border-box}
html{font-size:16px}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--text);background:var(--bg);line-height:1.45}
body.embedded{background:transparent}
a{color:var(--primary)}
:focus-visible{outline:3px solid var(--primary);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:10}
main{display:flex;justify-content:center;padding:40px 16px}
body.embedded main{padding:0}
body.embedded .card{border:0;border-radius:0;box-shadow:none;max-width:none;min-height:100vh}
body.embedded .details{width:300px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;box-shadow:0 1px 8px rgba(0,0,0,.08);width:100%;max-width:1060px;display:flex;min-height:560px;overflow:hidden}
.card.narrow{max-width:760px}
.details{width:340px;flex:none;padding:28px 24px;border-right:1px solid var(--line)}
.content{flex:1;padding:28px 32px;min-width:0}
.host{color:var(--muted);font-weight:600;margin:0 0 4px}
.avatar{width:64px;height:64px;border-radius:50%;background:var(--primary-soft);color:var(--primary);display:flex;align-items:center;justify-content:center;font-weight:700;font-size:22px;margin-bottom:12px}
h1{font-size:1.6rem;margin:0 0 16px;line-height:1.2}
h2{font-size:1.25rem;margin:0 0 20px}
.facts{list-style:none;padding:0;margin:0 0 16px;color:var(--muted);font-weight:600}
.facts li{margin:10px 0;display:flex;gap:10px;align-items:flex-start}
.facts .icon{width:20px;flex:none;text-align:center}
.description{white-space:pre-line;color:var(--text)}
.picker{display:flex;gap:28px;flex-wrap:wrap}
.month{flex:1 1 300px;max-width:440px}
.month-nav{display:flex;align-items:center;justify-content:center;gap:16px;margin-bottom:12px}
.month-nav .label{min-width:150px;text-align:center;font-weight:500}
.nav-btn{display:inline-flex;width:40px;height:40px;border-radius:50%;align-items:center;justify-content:center;text-decoration:none;font-size:20px;background:var(--primary-soft);color:var(--primary)}
.nav-btn{border:0;font:inherit;font-size:20px}.nav-btn:disabled{background:none;color:#b0b0b0}
.spots{display:block;font-size:.8rem;font-weight:400;color:var(--muted);margin-top:2px}
table.cal{width:100%;border-collapse:collapse;table-layout:fixed}
table.cal th{font-size:.75rem;font-weight:500;color:var(--muted);padding:6px 0}
table.cal td{text-align:center;padding:3px}
.day{display:inline-flex;width:44px;height:44px;border-radius:50%;align-items:center;justify-content:center;color:#767676}
a.day{background:var(--primary-soft);color:#0052cc;font-weight:700;text-decoration:none}
a.day:hover{background:#cce0ff}
a.day[aria-current=date]{background:var(--primary);color:#fff}
.today{position:relative}
.today::after{content:"";position:absolute;bottom:6px;width:4px;height:4px;border-radius:50%;background:currentColor}
.times-col{flex:0 1 240px;min-width:220px}
.times h3{font-size:1rem;font-weight:500;margin:8px 0 16px}
.times ul{list-style:none;margin:0;padding:0;max-height:440px;overflow-y:auto}
.times li{margin:0 0 10px}
.slot{display:block;text-align:center;border:1px solid var(--primary);color:var(--primary);border-radius:6px;padding:13px 8px;font-weight:700;text-decoration:none}
.slot:hover{border-width:2px;padding:12px 7px}
.tz{margin-top:24px}
.tz label{display:block;font-weight:700;margin-bottom:6px}
.tz select{max-width:100%}
.notice{border:1px solid var(--line);border-radius:8px;padding:20px;text-align:center;margin:12px 0 20px;background:#fafbfc}
.notice h3{margin:0 0 8px}
.alert{border-left:4px solid var(--danger);background:#fdecec;padding:12px 16px;border-radius:4px;margin:0 0 20px}
.alert.info{border-color:var(--primary);background:var(--primary-soft)}
.alert ul{margin:6px 0 0;padding-left:20px}
.alert a{color:#8a1c21}
form .field{margin:0 0 20px}
label,.legend{font-weight:700;display:block;margin:0 0 6px}
fieldset{border:0;padding:0;margin:0 0 20px}
legend{font-weight:700;padding:0;margin:0 0 6px}
.req{color:var(--danger)}
input[type=text],input[type=email],input[type=tel],textarea,select{width:100%;max-width:480px;font:inherit;padding:10px 12px;border:1px solid #b2b2b2;border-radius:6px;background:#fff;color:var(--text)}
textarea{min-height:88px;resize:vertical}
input[aria-invalid=true],textarea[aria-invalid=true],fieldset[aria-invalid=true] .choices{border-color:var(--danger)}
.choice{display:flex;gap:8px;align-items:center;font-weight:400;margin:6px 0}
.choice input{width:18px;height:18px;margin:0}
.hint{color:var(--muted);font-size:.875rem;margin:4px 0 0}
.error{color:var(--danger);font-size:.875rem;margin:6px 0 0;font-weight:600}
.btn{display:inline-block;background:var(--primary);color:#fff;border:0;border-radius:40px;padding:12px 24px;font:inherit;font-weight:700;cursor:pointer;text-decoration:none}
.btn.secondary{background:#fff;color:var(--primary);border:1px solid var(--primary)}
.btn.danger{background:var(--danger)}
.back{display:inline-flex;width:40px;height:40px;border-radius:50%;border:1px solid var(--line);align-items:center;justify-content:center;text-decoration:none;font-size:20px;margin-bottom:16px}
.types{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:16px}
.types a{display:block;border:1px solid var(--line);border-top:6px solid var(--c,var(--primary));border-radius:6px;padding:18px;text-decoration:none;color:var(--text);min-height:110px}
.types a:hover{box-shadow:0 2px 10px rgba(0,0,0,.12)}
.types strong{display:block;font-size:1.1rem;margin-bottom:6px}
.types span{color:var(--muted)}
.center{text-align:center;flex:1;padding:48px 32px}
.check{width:56px;height:56px;border-radius:50%;background:var(--ok);color:#fff;display:inline-flex;align-items:center;justify-content:center;font-size:28px;margin-bottom:12px}
.summary{display:inline-block;text-align:left;border:1px solid var(--line);border-radius:8px;padding:20px 24px;margin:16px 0 24px;max-width:100%}
.former{text-decoration:line-through;color:var(--muted)}
.actions{display:flex;gap:12px;flex-wrap:wrap;justify-content:center}
.gdpr{text-align:center;font-size:.8rem;color:var(--muted);margin:0 0 24px}
[hidden]{display:none!important}
abbr{text-decoration:none}
.icon svg{width:18px;height:18px;vertical-align:-3px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:760px){.card{flex-direction:column}.details{width:auto;border-right:0;border-bottom:1px solid var(--line)}.content{padding:20px}main{padding:12px 8px}}
`;

/** Runs in the page: browser zone, day selection without reload, time-zone auto-submit, postMessage events. */
const CLIENT_SCRIPT = `
(function(){
  var cfg = JSON.parse(document.getElementById("calendly-page-config").textContent);
  if (window.__calendlyRedirecting) return;
  var embedded = cfg.embedded && window.parent && window.parent !== window;
  function post(event, payload){ if (embedded) window.parent.postMessage({ event: event, payload: payload || {} }, "*"); }
  (cfg.messages || []).forEach(function(m){
    if (m.onceKey) { try { if (sessionStorage.getItem(m.onceKey)) return; sessionStorage.setItem(m.onceKey, "1"); } catch (e) {} }
    post(m.event, m.payload);
  });
  var lastHeight = "";
  function height(){
    var px = Math.ceil(document.documentElement.scrollHeight) + "px";
    if (px !== lastHeight) { lastHeight = px; post("calendly.page_height", { height: px }); }
  }
  height();
  if (window.ResizeObserver) new ResizeObserver(height).observe(document.body); else window.addEventListener("resize", height);
  var summary = document.getElementById("error-summary"); if (summary) summary.focus();
  var tz = document.getElementById("timezone");
  if (tz && tz.form) tz.addEventListener("change", function(){ tz.form.submit(); });
  var apply = document.getElementById("tz-apply"); if (apply) apply.hidden = true;
  var links = document.querySelectorAll("a.day[data-date]");
  Array.prototype.forEach.call(links, function(a){
    a.addEventListener("click", function(ev){
      var panel = document.getElementById("times-" + a.getAttribute("data-date"));
      if (!panel) return;
      ev.preventDefault();
      Array.prototype.forEach.call(document.querySelectorAll(".times"), function(p){ p.hidden = p !== panel; });
      Array.prototype.forEach.call(links, function(l){ if (l === a) l.setAttribute("aria-current", "date"); else l.removeAttribute("aria-current"); });
      var empty = document.getElementById("times-none"); if (empty) empty.hidden = true;
      try { history.replaceState(null, "", a.href); } catch (e) {}
      var first = panel.querySelector("a.slot"); if (first) first.focus();
      height();
    });
  });
})();
`;

function zoneScript(current: string): string {
  return `<script>(function(){try{var u=new URL(location.href);if(u.searchParams.get("timezone"))return;var z=Intl.DateTimeFormat().resolvedOptions().timeZone;if(z&&z!==${JSON.stringify(current)}){u.searchParams.set("timezone",z);window.__calendlyRedirecting=true;location.replace(u.toString());}}catch(e){}})();</script>`;
}

/** The whole HTML document of a page. */
export function page(options: PageOptions): HttpResult {
  const { query } = options;
  const embedded = isEmbedded(query);
  const vars = [["--primary", colorParam(query, "primary_color")], ["--text", colorParam(query, "text_color")], ["--card", colorParam(query, "background_color")]]
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}:${v}`)
    .join(";");
  const config = { embedded, messages: options.messages ?? [] };
  const configJson = JSON.stringify(config).replace(/</g, "\\u003c");
  const needsZone = options.zoneFromBrowser && !query.get("timezone") && options.timezone;
  const gdpr = embedded || flag(query, "hide_gdpr_banner") ? "" : `<footer class="gdpr">Calendly emulator · Cookie settings: only what the page needs, nothing is tracked.</footer>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(options.title)} | Calendly</title>
${needsZone ? zoneScript(options.timezone ?? "") : ""}
<style>${CSS}${vars ? `:root{${vars}}` : ""}</style></head>
<body class="${embedded ? "embedded" : ""}"><a class="skip" href="#main">Skip to content</a>
<main id="main"><div class="card${options.narrow ? " narrow" : ""}">${options.body}</div></main>
${gdpr}
<script type="application/json" id="calendly-page-config">${configJson}</script>
<script>${CLIENT_SCRIPT}</script>
</body></html>`;
  return { status: options.status ?? 200, html, headers: { "cache-control": "no-store" } };
}

/** Calendly-like 404 page for browsers; Calendly's JSON 404 for API clients (no `text/html` in Accept). */
export function notFoundPage(query: URLSearchParams, accept: string | string[] | undefined, message = "This Calendly URL isn't valid."): HttpResult {
  const wantsHtml = String(accept ?? "").includes("text/html");
  if (!wantsHtml) throw notFoundError();
  return page({
    title: "Page not found",
    query,
    status: 404,
    narrow: true,
    body: `<div class="center"><h1>Page not found</h1><p>${esc(message)}</p><p class="hint">If you own this link, check the user and event type names.</p></div>`,
  });
}

const ICON_PATHS: Record<string, string> = {
  clock: '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>',
  pin: '<path d="M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11z"/><circle cx="12" cy="10" r="2.5"/>',
  calendar: '<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>',
  globe: '<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18"/>',
  person: '<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>',
  redo: '<path d="M20 12a8 8 0 1 1-3-6.2"/><path d="M20 4v5h-5"/>',
  mail: '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 7l9 6 9-6"/>',
};

/** A decorative inline SVG icon inside `<span class="icon">`. */
export function icon(name: keyof typeof ICON_PATHS | string): string {
  return `<span class="icon" aria-hidden="true"><svg viewBox="0 0 24 24">${ICON_PATHS[name] ?? ""}</svg></span>`;
}

export function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((part) => part[0]?.toUpperCase() ?? "").join("");
}
