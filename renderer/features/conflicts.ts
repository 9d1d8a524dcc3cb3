// Merge conflicts in the editor (issue 16, team work through git): gutter
// flags with their version in view, the count in the status bar, and the
// Conflicts panel to take mine, take theirs or mark an edited one resolved.
import "./conflicts/conflicts.css";
import type { Feature } from "../feature";
import { redrawOnLanguageChange } from "../language-change";
import { conflictFlags, conflictFlagsKey } from "./conflicts/plugin";
import { conflictCountPlugin } from "./conflicts/status";
import { ConflictsPanel } from "./conflicts/panel";

export const conflictsFeature: Feature = {
  id: "conflicts",
  plugins(ctx) {
    redrawOnLanguageChange(ctx, "conflicts", (state) => state.tr.setMeta(conflictFlagsKey, true));
    return [conflictFlags(ctx), conflictCountPlugin(ctx)];
  },
  panel: { titleKey: "library:conflicts.title", create: (ctx) => new ConflictsPanel(ctx) },
};
