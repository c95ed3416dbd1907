// Tables of the booking feature (add them here; `npm run db:generate` turns them into a migration).
export {};
