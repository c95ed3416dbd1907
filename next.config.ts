import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "pg-boss", "pino", "pino-pretty"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
