// Every table of the application. Features add their table files here so drizzle-kit sees one schema.
export * from "./auth";
export * from "./calendly";
export * from "./audit";
export * from "./booking";
export * from "./sessions";
export * from "./invitees";
export * from "./notifications";
export * from "./analytics";
export * from "./privacy";
export * from "./users";
export * from "./security";
export * from "./legal";
