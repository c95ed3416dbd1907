// JSON snapshots of the store: write the state to a file and read it back (Maps become arrays of records).
import { readFile, writeFile, rename } from "node:fs/promises";
import type { EmulatorState } from "./types";
import { STATE_COLLECTIONS } from "./types";
import { createEmptyState } from "./store";

type SnapshotFile = { version: 1; savedAt: string; collections: Record<string, unknown[]> };

export function serializeState(state: EmulatorState, savedAt: number): string {
  const collections: Record<string, unknown[]> = {};
  for (const key of STATE_COLLECTIONS) collections[key] = [...state[key].values()];
  const file: SnapshotFile = { version: 1, savedAt: new Date(savedAt).toISOString(), collections };
  return JSON.stringify(file);
}

function keyOf(collection: string, record: Record<string, unknown>): string {
  if (collection === "personalAccessTokens" || collection === "accessTokens" || collection === "refreshTokens") {
    return String(record.token);
  }
  if (collection === "oauthClients") return String(record.clientId);
  if (collection === "authorizationCodes") return String(record.code);
  if (collection === "schedulingLinks") return String(record.slug);
  return String(record.uuid);
}

export function deserializeState(json: string): EmulatorState {
  const parsed = JSON.parse(json) as SnapshotFile;
  if (parsed.version !== 1) throw new Error("Unsupported emulator snapshot version");
  const state = createEmptyState();
  for (const key of STATE_COLLECTIONS) {
    const map = state[key] as Map<string, unknown>;
    for (const record of parsed.collections[key] ?? []) {
      // Older snapshots may lack newer collections; missing ones stay empty.
      map.set(keyOf(key, record as Record<string, unknown>), record);
    }
  }
  return state;
}

export async function saveSnapshot(path: string, state: EmulatorState, savedAt: number): Promise<void> {
  const tmp = `${path}.tmp`;
  await writeFile(tmp, serializeState(state, savedAt), "utf8");
  await rename(tmp, path);
}

export async function loadSnapshot(path: string): Promise<EmulatorState | null> {
  try {
    return deserializeState(await readFile(path, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
