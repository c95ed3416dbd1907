#!/usr/bin/env bash
# npm run db:generate - turn the Drizzle schema (src/lib/db/schema) into SQL migrations under drizzle/.
# Until the first release, migrations are kept squashed into one init migration; after it, pass --incremental.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--incremental" ]; then
  shift
  exec npx drizzle-kit generate "$@"
fi
rm -rf drizzle
exec npx drizzle-kit generate --name init
