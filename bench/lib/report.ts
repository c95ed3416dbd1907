import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * One benchmark's output: a markdown table (printed and written to bench/results/NAME.md) and the raw numbers
 * (bench/results/NAME.json), stamped with the machine and the date.
 */
export interface BenchReport {
  name: string;
  title: string;
  /** Notes printed above the table (method, dataset size, caveats). */
  notes: string[];
  columns: string[];
  rows: Array<Array<string | number>>;
  /** Target checks: what, measured, target, pass. */
  targets: Array<{ what: string; measured: string; target: string; ok: boolean | null }>;
  data: Record<string, unknown>;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? "unknown",
    cpus: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

function cell(value: string | number): string {
  return String(value).replaceAll("|", "\\|");
}

export function toMarkdown(report: BenchReport): string {
  const lines = [`## ${report.name}: ${report.title}`, ""];
  for (const note of report.notes) lines.push(`- ${note}`);
  if (report.notes.length) lines.push("");
  if (report.rows.length) {
    lines.push(`| ${report.columns.map(cell).join(" | ")} |`);
    lines.push(`|${report.columns.map(() => "---").join("|")}|`);
    for (const row of report.rows) lines.push(`| ${row.map(cell).join(" | ")} |`);
    lines.push("");
  }
  if (report.targets.length) {
    lines.push("| Target | Measured | Goal | Result |", "|---|---|---|---|");
    for (const target of report.targets) {
      lines.push(`| ${cell(target.what)} | ${cell(target.measured)} | ${cell(target.target)} | ${target.ok === null ? "n/a" : target.ok ? "pass" : "**MISS**"} |`);
    }
    lines.push("");
  }
  const info = machine();
  lines.push(`_${new Date().toISOString()} · ${info.cpuModel} × ${info.cpus} · ${info.memoryGiB} GiB · Node ${info.node}_`, "");
  return lines.join("\n");
}

export function writeReport(report: BenchReport): string {
  const dir = path.resolve(process.cwd(), "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const markdown = toMarkdown(report);
  fs.writeFileSync(path.join(dir, `${report.name}.md`), markdown);
  fs.writeFileSync(
    path.join(dir, `${report.name}.json`),
    JSON.stringify({ ...report, machine: machine(), date: new Date().toISOString() }, null, 2),
  );
  return markdown;
}
