// Pasting text with line breaks into a side: the text is reflowed (a PDF's
// lines become paragraphs) and, in the Korean side, several paragraphs become
// passages (app/commands/paste). Copies from Dari itself keep ProseMirror's own
// handling, which carries segments and themes.
import { Plugin } from "prosemirror-state";
import type { Feature, AppContext } from "../feature";
import { pasteParagraphs } from "../../app/commands/paste";
import { reflow } from "../../app/text/reflow";

function pastePlugin(ctx: AppContext): Plugin {
  return new Plugin({
    props: {
      handlePaste(view, event) {
        const data = event.clipboardData;
        if (!data) return false;
        if (/data-pm-slice/.test(data.getData("text/html"))) return false;
        const text = data.getData("text/plain");
        if (!text || !/[\r\n]/.test(text)) return false;
        const { paragraphs } = reflow(text);
        const tr = pasteParagraphs(view.state, paragraphs);
        if (!tr) return false;
        const before = view.state.doc.childCount;
        view.dispatch(tr.scrollIntoView());
        const added = view.state.doc.childCount - before;
        if (added > 0) ctx.notify(ctx.t("import:paste.passages", { count: added + 1 }));
        return true;
      },
    },
  });
}

export const pasteFeature: Feature = {
  id: "paste",
  plugins: (ctx) => [pastePlugin(ctx)],
};
