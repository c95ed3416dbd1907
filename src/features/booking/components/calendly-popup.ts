"use client";

/**
 * Calendly's popup through its own embed script (`widget.js`): loaded once, opened prefilled with the realtor's name
 * and email and tagged with utm values that tie the booking to them; resolves with the event and invitee URIs of
 * `calendly.event_scheduled`, accepted only from Calendly's page origin.
 */
export interface PopupOptions {
  scriptUrl: string;
  pageOrigin: string;
  url: string;
  prefill: { name: string; email: string };
  utm: { utmSource: string; utmMedium: string; utmCampaign: string; utmContent: string };
}

export interface ScheduledMessage {
  eventUri: string;
  inviteeUri: string;
}

interface CalendlyGlobal {
  initPopupWidget(options: { url: string; prefill?: Record<string, unknown>; utm?: Record<string, string> }): void;
  closePopupWidget?: () => void;
}

const scriptPromises = new Map<string, Promise<CalendlyGlobal>>();

export function loadCalendlyScript(scriptUrl: string): Promise<CalendlyGlobal> {
  const existing = scriptPromises.get(scriptUrl);
  if (existing) return existing;
  const promise = new Promise<CalendlyGlobal>((resolve, reject) => {
    const ready = () => {
      const calendly = (window as unknown as { Calendly?: CalendlyGlobal }).Calendly;
      if (calendly) resolve(calendly);
      else reject(new Error("Calendly's booking window did not load."));
    };
    if ((window as unknown as { Calendly?: CalendlyGlobal }).Calendly) return ready();
    const script = document.createElement("script");
    script.src = scriptUrl;
    script.async = true;
    script.onload = ready;
    script.onerror = () => {
      scriptPromises.delete(scriptUrl);
      reject(new Error("Calendly's booking window could not be loaded. Check your connection and try again."));
    };
    document.head.appendChild(script);
  });
  scriptPromises.set(scriptUrl, promise);
  return promise;
}

export function isCalendlyMessage(event: MessageEvent, pageOrigin: string): event is MessageEvent<{ event: string; payload?: unknown }> {
  return (
    event.origin === pageOrigin &&
    typeof event.data === "object" &&
    event.data !== null &&
    typeof (event.data as { event?: unknown }).event === "string" &&
    (event.data as { event: string }).event.startsWith("calendly.")
  );
}

/** Opens the popup; `onScheduled` runs once per `calendly.event_scheduled`. Returns a function that stops listening. */
export async function openCalendlyPopup(options: PopupOptions, onScheduled: (message: ScheduledMessage) => void): Promise<() => void> {
  const calendly = await loadCalendlyScript(options.scriptUrl);
  const listener = (event: MessageEvent) => {
    if (!isCalendlyMessage(event, options.pageOrigin) || event.data.event !== "calendly.event_scheduled") return;
    const payload = event.data.payload as { event?: { uri?: string }; invitee?: { uri?: string } } | undefined;
    if (payload?.event?.uri && payload.invitee?.uri) onScheduled({ eventUri: payload.event.uri, inviteeUri: payload.invitee.uri });
  };
  window.addEventListener("message", listener);
  calendly.initPopupWidget({ url: options.url, prefill: options.prefill, utm: options.utm });
  return () => window.removeEventListener("message", listener);
}
