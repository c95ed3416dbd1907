#!/usr/bin/env bash
# npm run db:generate - turn the Drizzle schema (src/lib/db/schema) into SQL migrations under drizzle/.
# Until the first release, migrations are kept squashed into one init migration; after it, pass --incremental.
# The init migration ends with hand-written SQL drizzle-kit cannot express (triggers, extensions):
# src/lib/db/schema/sql/after-init.sql, appended here so regenerating keeps it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--incremental" ]; then
  shift
  exec npx drizzle-kit generate "$@"
fi
rm -rf drizzle
npx drizzle-kit generate --name init
printf -- '--> statement-breakpoint\n' >> drizzle/0000_init.sql
cat src/lib/db/schema/sql/after-init.sql >> drizzle/0000_init.sql
