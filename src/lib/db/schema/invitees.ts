// Tables of the invitees feature (add them here; `npm run db:generate` turns them into a migration).
export {};
