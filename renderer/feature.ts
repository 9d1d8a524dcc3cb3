// A feature of the editor (themes, translation desk, alignment editing, ...):
// its plugins (behaviour and decorations), its keys, its side panel and its
// toolbar buttons. renderer/features.ts lists them; the shell wires them in.
// The logic itself lives in app/; a feature only connects it to the view.
import type { Plugin, Command, EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import type { i18n, TFunction } from "i18next";
import type { DariBridge, MenuCommand, OpenedProject, Result } from "../app/ipc";
import type { Project } from "../app/document/project";

export interface AppContext {
  api: DariBridge;
  i18n: i18n;
  /** Translates in the current UI language. */
  t: TFunction;
  /** The live editor view (present once the editor is mounted). */
  view(): EditorView;
  /** An error (DariError, IPC error or other) as text in the UI language. */
  errorText(e: unknown): string;
  /** Shows a short message in the status bar (already translated text), with a button for what to do next if given. */
  notify(message: string, kind?: "info" | "error", action?: NotifyAction | NotifyAction[]): void;
  /** Opens a side panel by feature id. */
  showPanel(id: string): void;
  /** Replaces the open project (asks first when there are unsaved changes). Resolves false if the user cancelled. */
  loadProject(project: Project, path: string | null): Promise<boolean>;
  /** Opens what main hands over, as File › Open does (asks first about unsaved changes); false when cancelled or refused. */
  openFrom(request: () => Promise<Result<OpenedProject | null>>): Promise<boolean>;
  /** The path of the open project, null while untitled. */
  currentPath(): string | null;
  /** Whether a project is on screen: false while the start screen stands in front of the empty one. */
  projectShown(): boolean;
  /** The open project as the text of a .dari file. */
  projectText(): string;
}

/** A button beside a status message (e.g. "Go to the first unsure segment"). */
export interface NotifyAction {
  label: string;
  run(): void;
}

export interface PanelView {
  dom: HTMLElement;
  /** Called after every state change and on a UI language change. */
  update(state: EditorState): void;
  destroy?(): void;
}

export interface ToolbarItem {
  id: string;
  /** i18n key of the label (and its title/tooltip). */
  labelKey: string;
  /** A ProseMirror key name ("Mod-Alt-m"), shown in the tooltip as the platform writes it ("Ctrl+Alt+M", "⌥⌘M"). */
  shortcut?: string;
  command: Command;
}

export interface Feature {
  id: string;
  plugins?(ctx: AppContext): Plugin[];
  panel?: { titleKey: string; create(ctx: AppContext): PanelView };
  toolbar?: ToolbarItem[];
  /** Menu commands this feature carries out (e.g. "export", "import", "find"). */
  menu?: Partial<Record<MenuCommand, (ctx: AppContext) => void>>;
}
