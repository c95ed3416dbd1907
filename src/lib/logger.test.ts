import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger(sink, "info"), lines };
}

describe("logger redaction", () => {
  it("never writes tokens, passwords, answers or emails, at the top level or nested", () => {
    const { log, lines } = capture();
    log.info(
      {
        password: "hunter2-secret",
        access_token: "tok-AAA",
        body: { refresh_token: "tok-BBB", email: "jamie@example.com", questions_and_answers: [{ answer: "my answer" }] },
        headers: { authorization: "Bearer tok-CCC", cookie: "sessionly.session_token=tok-DDD" },
        connection: { tokens: { accessToken: "tok-EEE" } },
      },
      "something happened",
    );
    const output = lines.join("");
    for (const secret of ["hunter2-secret", "tok-AAA", "tok-BBB", "jamie@example.com", "my answer", "tok-CCC", "tok-DDD", "tok-EEE"]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain("something happened");
    expect(output).toContain("[redacted]");
  });

  it("keeps ordinary fields", () => {
    const { log, lines } = capture();
    log.info({ requestId: "abc123", status: 200 }, "ok");
    expect(JSON.parse(lines[0])).toMatchObject({ requestId: "abc123", status: 200, msg: "ok" });
  });
});
