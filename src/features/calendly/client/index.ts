// Public surface of the Calendly client: import from "@/features/calendly/client".
export * from "./client";
export * from "./schemas";
export * from "./request-types";
export * from "./oauth";
export * from "./webhook-signature";
export { pages, paginate, DEFAULT_PAGE_SIZE, type ListFunction } from "./paginate";
export { uuidFromUri, inviteeUuidsFromUri } from "./uris";
