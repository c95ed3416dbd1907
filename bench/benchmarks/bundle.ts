// bundle: first-load JavaScript per page route, read from an existing production build in .next/ (never builds).
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import type { Benchmark } from "../lib/benchmark";

const NEXT_DIR = path.resolve(process.cwd(), ".next");
const TARGET_KB = 200;

interface ClientManifest {
  entryJSFiles?: Record<string, string[]>;
}

/** The RSC client manifest of one app route (`page_client-reference-manifest.js` assigns it on globalThis). */
function clientManifest(routeKey: string): ClientManifest | null {
  const file = path.join(NEXT_DIR, "server", "app", `${routeKey}_client-reference-manifest.js`);
  if (!fs.existsSync(file)) return null;
  const sandbox = { globalThis: {} as Record<string, unknown> };
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  const manifests = (sandbox.globalThis.__RSC_MANIFEST ?? {}) as Record<string, ClientManifest>;
  return manifests[routeKey] ?? Object.values(manifests)[0] ?? null;
}

const gzipCache = new Map<string, { raw: number; gzip: number }>();
function sizeOf(file: string): { raw: number; gzip: number } {
  let size = gzipCache.get(file);
  if (!size) {
    const content = fs.readFileSync(path.join(NEXT_DIR, file));
    size = { raw: content.length, gzip: zlib.gzipSync(content, { level: 9 }).length };
    gzipCache.set(file, size);
  }
  return size;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

const benchmark: Benchmark = {
  name: "bundle",
  title: "first-load JavaScript per route (production build)",
  async run() {
    const routesFile = path.join(NEXT_DIR, "app-path-routes-manifest.json");
    const buildManifestFile = path.join(NEXT_DIR, "build-manifest.json");
    if (!fs.existsSync(path.join(NEXT_DIR, "BUILD_ID")) || !fs.existsSync(routesFile) || !fs.existsSync(buildManifestFile)) {
      return {
        name: "bundle",
        title: "first-load JavaScript per route",
        notes: ["No build found: run `npm run build` (next build) first; this benchmark only reads `.next/`."],
        columns: [],
        rows: [],
        targets: [{ what: "busiest page first-load JS (gzip)", measured: "no build found", target: `< ${TARGET_KB} KB`, ok: null }],
        data: { build: null },
      };
    }
    const buildId = fs.readFileSync(path.join(NEXT_DIR, "BUILD_ID"), "utf8").trim();
    const builtAt = fs.statSync(path.join(NEXT_DIR, "BUILD_ID")).mtime.toISOString();
    const routes = JSON.parse(fs.readFileSync(routesFile, "utf8")) as Record<string, string>;
    const buildManifest = JSON.parse(fs.readFileSync(buildManifestFile, "utf8")) as { rootMainFiles?: string[] };
    // Shared by every page: the framework runtime. Polyfills are left out (only browsers without modules load them).
    const shared = (buildManifest.rootMainFiles ?? []).filter((file) => file.endsWith(".js"));
    const sharedGzip = shared.reduce((sum, file) => sum + sizeOf(file).gzip, 0);

    const pages: Array<{ route: string; files: number; raw: number; gzip: number; own: number }> = [];
    for (const [routeKey, route] of Object.entries(routes)) {
      if (!routeKey.endsWith("/page")) continue;
      const manifest = clientManifest(routeKey);
      const files = new Set(shared);
      for (const chunks of Object.values(manifest?.entryJSFiles ?? {})) for (const chunk of chunks) if (chunk.endsWith(".js")) files.add(chunk);
      let raw = 0;
      let gzip = 0;
      for (const file of files) {
        const size = sizeOf(file);
        raw += size.raw;
        gzip += size.gzip;
      }
      pages.push({ route, files: files.size, raw, gzip, own: gzip - sharedGzip });
    }
    pages.sort((a, b) => b.gzip - a.gzip);
    const busiest = pages[0];
    return {
      name: "bundle",
      title: "first-load JavaScript per route (production build)",
      notes: [
        `Build ${buildId} from ${builtAt} (\`.next/\`; this benchmark never builds). Pages only: API routes ship no JavaScript.`,
        `First load = the framework's root chunks (\`build-manifest.json\` rootMainFiles, ${kb(sharedGzip)} KB gzip, shared) + every chunk of the route's layouts, boundaries and page (\`entryJSFiles\` of its client reference manifest); gzip level 9, as \`next build\` reports.`,
      ],
      columns: ["Route", "Chunks", "Raw KB", "Gzip KB", "Route-specific gzip KB"],
      rows: pages.map((page) => [page.route, page.files, kb(page.raw), kb(page.gzip), kb(page.own)]),
      targets: busiest
        ? [{ what: `busiest page first-load JS (${busiest.route}, gzip)`, measured: `${kb(busiest.gzip)} KB`, target: `< ${TARGET_KB} KB`, ok: busiest.gzip / 1024 < TARGET_KB }]
        : [{ what: "busiest page first-load JS", measured: "no pages in the build", target: `< ${TARGET_KB} KB`, ok: null }],
      data: { buildId, builtAt, sharedGzip, pages },
    };
  },
};

export default benchmark;
