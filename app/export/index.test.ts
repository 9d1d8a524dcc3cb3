import { test } from "node:test";
import assert from "node:assert/strict";
import { exporters, formatOptions, type ExportChoice, type ExportChoices } from "./index";
import { themedProject } from "../../test/fixtures/export-project";

/** Every value each choice can take. */
const VALUES: { [K in ExportChoice]-?: NonNullable<ExportChoices[K]>[] } = {
  side: ["ko", "en"],
  uiLanguage: ["ko", "en"],
  showStatus: [false, true],
  showConfidence: [false, true],
  orientation: ["portrait", "landscape"],
};
const CHOICES = Object.keys(VALUES) as ExportChoice[];

const same = (a: string | Uint8Array, b: string | Uint8Array) => (typeof a === "string" ? a === b : typeof b !== "string" && Buffer.from(a).equals(b));

test("every exporter takes the choices it declares, with the declared defaults, and no others", async (t) => {
  // tmx and docx write the time of export; hold the clock still so two exports can be compared.
  t.mock.timers.enable({ apis: ["Date"], now: Date.UTC(2024, 0, 2, 3, 4, 5) });
  const project = themedProject();
  for (const [format, exporter] of Object.entries(exporters)) {
    const plain = await exporter.run(project, {});
    for (const choice of CHOICES) {
      const declared = exporter.options[choice];
      for (const value of VALUES[choice]) {
        const out = await exporter.run(project, { [choice]: value });
        if (declared === undefined) assert.ok(same(out, plain), `${format} does not take ${choice}, yet ${choice}=${value} changes it`);
        else if (value === declared) assert.ok(same(out, plain), `${format}: ${choice}=${value} is the declared default, yet differs from leaving it out`);
        else assert.ok(!same(out, plain), `${format} declares ${choice}, yet ${choice}=${value} changes nothing`);
      }
    }
  }
});

// The rows the Export dialog shows for each format, as before the choices moved here.
test("the reading formats offer label language, status, confidence and page; txt its side; csv its label language", () => {
  const offered = (f: Parameters<typeof formatOptions>[0]) => Object.keys(formatOptions(f)).sort();
  for (const f of ["html", "pdf", "docx"] as const) assert.deepEqual(offered(f), ["orientation", "showConfidence", "showStatus", "uiLanguage"], f);
  assert.deepEqual(offered("txt"), ["side"]);
  assert.deepEqual(offered("csv"), ["uiLanguage"]);
  for (const f of ["tsv", "tmx", "xliff", "xliff12", "annotations", "qdc", "dari"] as const) assert.deepEqual(offered(f), [], f);
  assert.equal(formatOptions("pdf"), exporters.html!.options, "pdf is the html export printed");
});
