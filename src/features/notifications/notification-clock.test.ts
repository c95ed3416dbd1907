import { afterEach, describe, expect, it, vi } from "vitest";
import { followEmulatorClock, notificationNow, setNotificationClock } from "./notification-clock";

afterEach(() => setNotificationClock(null));

describe("following the emulator's clock", () => {
  it("adds the emulator's offset to real time and reports jumps once", async () => {
    let offset = 0;
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ offset_ms: offset }), { status: 200 }));
    const onJump = vi.fn();
    const follower = followEmulatorClock({ baseUrl: "http://emulator.test", adminToken: "t", intervalMs: 60_000, onJump, fetchImpl: fetchImpl as unknown as typeof fetch });
    await follower.poll();
    expect(onJump).not.toHaveBeenCalled();
    expect(Math.abs(notificationNow().getTime() - Date.now())).toBeLessThan(1000);

    offset = 2 * 24 * 3600 * 1000;
    await follower.poll();
    await follower.poll();
    expect(onJump).toHaveBeenCalledTimes(1);
    expect(onJump).toHaveBeenCalledWith(offset);
    expect(notificationNow().getTime() - Date.now()).toBeGreaterThan(offset - 1000);
    expect(fetchImpl).toHaveBeenCalledWith("http://emulator.test/__emulator/clock", { headers: { authorization: "Bearer t" } });

    follower.stop();
    expect(Math.abs(notificationNow().getTime() - Date.now())).toBeLessThan(1000);
  });
});
