"use client";

import { createAuthClient } from "better-auth/react";
import { adminClient } from "better-auth/client/plugins";

/** The browser's better-auth client; same origin as the app, so no base URL. */
export const authClient = createAuthClient({ plugins: [adminClient()] });

/** Mirrors the server rule in `auth.ts` (which cannot be imported into the browser bundle). */
export const MIN_PASSWORD_LENGTH = 10;
export const PASSWORD_RULE = "at least 10 characters";
