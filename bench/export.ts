// Export benchmarks (DESIGN.md "Performance budget": a 20,000-segment project
// to html under 1 s, to docx under 5 s). Not tests: run
//   node --import tsx bench/export.ts
// Each figure is the median of several runs of the exporter alone (the
// project is built once, outside the timing), as main runs it on export.
import { buildLargeProject, SIZES } from "./build-large";
import { exporters, type ExportFormat } from "../app/export/index";
import type { Project } from "../app/document/project";

export interface ExportFigure {
  format: ExportFormat;
  segments: number;
  bytes: number;
  runs: number[];
  median: number;
  /** Median CPU time (user + system) of the runs: steadier than wall time on a busy machine. */
  cpuMedian: number;
}

function countSegments(p: Project): number {
  let n = 0;
  p.doc.forEach((passage) => (n += passage.childCount));
  return n;
}

/** Times one format over a project: `runs` runs after one warm-up. */
export async function benchExport(project: Project, format: ExportFormat, runs = 5): Promise<ExportFigure> {
  const exporter = exporters[format];
  if (!exporter) throw new Error(`no exporter for ${format}`);
  const options = { showStatus: true, showConfidence: true };
  let out = await exporter.run(project, options);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    out = await exporter.run(project, options);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  return { format, segments: countSegments(project), bytes: out.length, runs: times, median: median(times), cpuMedian: median(cpu) };
}

/** The budget's figures: html and docx of the 20,000-segment project (plus the other text formats, for reference). */
export async function benchExports(formats: ExportFormat[] = ["html", "docx", "tmx", "xliff", "annotations", "csv"]): Promise<ExportFigure[]> {
  const project = buildLargeProject({ passages: SIZES["20k"] });
  const out: ExportFigure[] = [];
  for (const f of formats) out.push(await benchExport(project, f, f === "docx" ? 3 : 5));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const fig of await benchExports()) {
    console.log(
      `${fig.format.padEnd(12)} ${fig.segments} segments  median ${fig.median.toFixed(0)} ms (cpu ${fig.cpuMedian.toFixed(0)} ms)  runs ${fig.runs.map((r) => r.toFixed(0)).join(", ")}  ${(fig.bytes / 1e6).toFixed(1)} MB`,
    );
  }
}
