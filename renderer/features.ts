// The features of the editor, in toolbar and panel order. Each is a module of
// its own under renderer/features/.
import type { Feature } from "./feature";
import { exportFeature } from "./features/export-dialog";
import { importFeature } from "./features/import-dialog";
import { pasteFeature } from "./features/paste";
import { alignFeature } from "./features/align";
import { themeFeatures } from "./features/themes";
import { translateFeatures } from "./features/translate";
import { contextMenuFeature } from "./features/context-menu";
import { suggestionStatusFeature } from "./features/suggestion-status";
import { conflictsFeature } from "./features/conflicts";
import { libraryFeature } from "./features/library";
import { agreementFeature } from "./features/agreement";
import { spellingFeature } from "./features/spelling";

export const features: Feature[] = [
  exportFeature,
  importFeature,
  pasteFeature,
  alignFeature,
  ...themeFeatures,
  ...translateFeatures,
  contextMenuFeature,
  suggestionStatusFeature,
  conflictsFeature,
  libraryFeature,
  agreementFeature,
  spellingFeature,
];
