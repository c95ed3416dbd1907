// The pagination iterator follows Calendly's next_page through every page, against a real node:http server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCalendlyClient } from "./client";
import { CalendlyResponseError } from "./errors";
import { eventTypeFixture, pageOf, scheduledEventFixture, USER } from "./testing/fixtures";
import { startScriptedServer, type ScriptedServer } from "./testing/scripted-http-server";

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const client = () =>
  createCalendlyClient({
    apiBase: server.url,
    getAccessToken: async () => "token",
    logger: { warn: () => {}, debug: () => {} },
  });

describe("paginate", () => {
  it("follows next_page across three pages and yields every item exactly once", async () => {
    server.requests.length = 0;
    const pages = [
      [scheduledEventFixture(1), scheduledEventFixture(2)],
      [scheduledEventFixture(3), scheduledEventFixture(4)],
      [scheduledEventFixture(5)],
    ];
    // Next links name the real host, as Calendly (or an emulator emitting real-looking URIs) does.
    const nextLink = (token: string) =>
      `https://api.calendly.com/scheduled_events?count=2&page_token=${token}&user=${encodeURIComponent(USER.uri)}`;
    server.setHandler((request) => {
      const token = new URL(request.url, server.url).searchParams.get("page_token");
      if (!token) return { status: 200, body: pageOf(pages[0], nextLink("P2")) };
      if (token === "P2") return { status: 200, body: pageOf(pages[1], nextLink("P3")) };
      return { status: 200, body: pageOf(pages[2], null) };
    });

    const calendly = client();
    const uris: string[] = [];
    for await (const event of calendly.paginate(calendly.listScheduledEvents, { user: USER.uri, count: 2 })) uris.push(event.uri);

    expect(uris).toEqual([1, 2, 3, 4, 5].map((index) => `https://api.calendly.com/scheduled_events/EV${index}`));
    expect(server.requests).toHaveLength(3);
    const queries = server.requests.map((request) => Object.fromEntries(new URL(request.url, server.url).searchParams));
    expect(queries).toEqual([
      { user: USER.uri, count: "2" },
      { user: USER.uri, count: "2", page_token: "P2" },
      { user: USER.uri, count: "2", page_token: "P3" },
    ]);
  });

  it("uses next_page_token when present, asks for 100 per page by default, and works for invitees", async () => {
    server.requests.length = 0;
    server.setHandler((request) => {
      const token = new URL(request.url, server.url).searchParams.get("page_token");
      const body = pageOf([eventTypeFixture(token ? 2 : 1)], token ? null : "https://api.calendly.com/event_types?opaque");
      if (!token) body.pagination.next_page_token = "T2";
      return { status: 200, body };
    });
    const calendly = client();
    const pageSizes: number[] = [];
    for await (const page of calendly.pages(calendly.listEventTypes, { user: USER.uri })) pageSizes.push(page.collection.length);
    expect(pageSizes).toEqual([1, 1]);
    expect(new URL(server.requests[0].url, server.url).searchParams.get("count")).toBe("100");
    expect(new URL(server.requests[1].url, server.url).searchParams.get("page_token")).toBe("T2");
  });

  it("refuses a page token seen before instead of looping forever", async () => {
    server.setHandler(() => ({ status: 200, body: pageOf([eventTypeFixture(1)], "https://api.calendly.com/event_types?page_token=SAME") }));
    const calendly = client();
    const consume = async () => {
      for await (const item of calendly.paginate(calendly.listEventTypes, { user: USER.uri })) void item;
    };
    await expect(consume()).rejects.toBeInstanceOf(CalendlyResponseError);
  });
});
