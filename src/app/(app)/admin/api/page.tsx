import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import document from "@/lib/api/openapi/openapi.json";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "API reference" };

type Operation = {
  summary: string;
  description: string;
  tags: string[];
  parameters?: Array<{ name: string; in: string; required: boolean; schema: unknown }>;
  requestBody?: { content: { "application/json": { schema: unknown } } };
};

const METHOD_VARIANT = { get: "info", post: "success", put: "warning", patch: "warning", delete: "danger" } as const;

/** The generated OpenAPI document, rendered for admins (raw JSON at /api/openapi.json). */
export default async function ApiReferencePage() {
  const user = await requireUser();
  if (!can(user.role, "users.manage")) notFound();
  const paths = document.paths as unknown as Record<string, Record<string, Operation>>;
  const groups = new Map<string, Array<{ path: string; method: string; operation: Operation }>>();
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const tag = operation.tags[0] ?? "api";
      (groups.get(tag) ?? groups.set(tag, []).get(tag)!).push({ path, method, operation });
    }
  }
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Every route, who may call it and what it accepts, generated from the routes&apos; own validation schemas. The
            machine-readable document is at <a className="underline underline-offset-4" href="/api/openapi.json">/api/openapi.json</a>.
          </>
        }
      />
      <div className="space-y-6">
        {[...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([tag, operations]) => (
          <Card key={tag}>
            <CardHeader>
              <CardTitle as="h2" className="capitalize">{tag.replace(/[_-]/g, " ")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-4">
              {operations.map(({ path, method, operation }) => (
                <details key={`${method} ${path}`} className="rounded-lg border p-3">
                  <summary className="flex cursor-pointer flex-wrap items-center gap-2">
                    <Badge variant={METHOD_VARIANT[method as keyof typeof METHOD_VARIANT] ?? "neutral"} className="uppercase">{method}</Badge>
                    <code className="min-w-0 text-sm break-all">{path}</code>
                    <span className="text-sm text-muted-foreground">{operation.description}</span>
                  </summary>
                  <div className="mt-3 space-y-2 text-sm">
                    {operation.parameters?.length ? (
                      <ul className="list-inside list-disc">
                        {operation.parameters.map((parameter) => (
                          <li key={`${parameter.in}-${parameter.name}`}>
                            <code>{parameter.name}</code> ({parameter.in}{parameter.required ? ", required" : ""})
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {operation.requestBody ? (
                      <pre className="rounded-md bg-muted p-3 text-xs break-all whitespace-pre-wrap">{JSON.stringify(operation.requestBody.content["application/json"].schema, null, 2)}</pre>
                    ) : null}
                  </div>
                </details>
              ))}
            </CardContent>
          </Card>
        ))}
      </div>
    </>
  );
}
