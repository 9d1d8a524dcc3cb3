// TMX files into the translation memory: the same reader as File › Import
// (app/import/tmx.ts), keeping only the Korean–English pairs.
import { importTmx } from "../import/tmx";
import { DariError } from "../errors";
import { unitsFromDoc, type TmUnit } from "./tm";

export function tmUnitsFromTmx(text: string, file: string): TmUnit[] {
  const units = unitsFromDoc(importTmx(text, file).doc, file)
    .filter((u) => u.ko.trim() && u.en.trim())
    .map(({ ko, en, origin }) => ({ ko, en, origin }));
  if (units.length === 0) throw new DariError("translate:errors.tmxNoUnits", { file });
  return units;
}
