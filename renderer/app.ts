// The window: menu bar (where there is no native one), toolbar, the bitext
// editor with its side panels, and the status bar; and the life of the open
// project: open, save, autosave, recovery, unsaved-changes prompts, language.
import crelt from "crelt";
import { EditorView } from "prosemirror-view";
import type { EditorState, Transaction, Command } from "prosemirror-state";
import { undo, redo } from "prosemirror-history";
import { keydownHandler } from "prosemirror-keymap";
import { sidebarResizer } from "./sidebar-resize";
import type { i18n } from "i18next";
import { createI18n, isUiLanguage, languageForLocale, type UiLanguage } from "../app/i18n";
import type { DariBridge, MenuCommand, Result, Settings, IpcError, OpenedProject } from "../app/ipc";
import { parseProject, serializeProject, buildDoc, emptyMeta, type Project } from "../app/document";
import { newProject } from "../app/document/new-project";
import { createAutosave } from "../app/autosave";
import { createProjectState, projectFromState, projectData } from "../app/project-state";
import { menuTemplate, menuLabelKey, PANELS, panelKey, type MenuItem } from "../app/menu";
import { FILE_KEYS, HELP_KEY, PANEL_BACK_KEY } from "../app/shortcuts";
import { isDariError, errorMessage } from "../app/errors";
import { sideAt } from "../app/commands/structure";
import { editorPlugins } from "./editor";
import { features } from "./features";
import type { AppContext, PanelView, NotifyAction } from "./feature";
import { renderMenubar } from "./menubar";
import { keyPlatform, shownKey, shownAccelerator } from "./key-label";
import { openPalette, type PaletteEntry } from "./features/palette";
import { APP_COMMANDS, UI_KEYS } from "../app/command-registry";
import { openPreferences, applyDisplay } from "./features/preferences";
import { display, setDisplay, isDark } from "./display";
import { sanitizeDisplay, zoomed, type DisplayPrefs } from "../app/display-prefs";
import { toggleSuggestions } from "../app/themes/suggestion-decorations";
import { renderShortcutHelp } from "./shortcut-help";
import { showDialog } from "./dialog";
import { segmentCount } from "../app/document/segments";
import { baseName } from "../app/import/formats";
import { Toolbar } from "./features/toolbar";
import { StartScreen, type StartScreenActions } from "./features/start-screen";
import { commandRegistry, type RunnableCommand, type Shell } from "./commands";
import { installDrop } from "./features/drop";

const AUTOSAVE_IDLE_MS = 3000;

export class DariApp implements AppContext, Shell {
  readonly i18n: i18n;
  editor!: EditorView;
  private path: string | null = null;
  private dirty = false;
  private settings: Settings;
  private root: HTMLElement;
  private menubarHost = crelt("div");
  private toolbar = crelt("div", { class: "dari-toolbar", role: "toolbar" });
  private statusbar = crelt("div", { class: "dari-statusbar", role: "status" });
  private message = crelt("span", { class: "dari-message", "aria-live": "polite" });
  private position = crelt("span", { class: "dari-position" });
  private counts = crelt("span", { class: "dari-counts" });
  private sidebar = crelt("aside", { class: "dari-sidebar" });
  private panels = new Map<string, PanelView>();
  private openPanel: string | null = null;
  // Focusable for the keyboard (axe: a scrolling region), passing the focus on to the text.
  private editorHost = crelt("div", { class: "dari-editor-scroll", tabindex: "0" });
  private toolbarView = new Toolbar(this.toolbar);
  private languageButton = crelt("button", { type: "button", class: "dari-status-button", "data-action": "toolbar.language" }) as HTMLButtonElement;
  /** Every command by id (app/command-registry.ts with the features' items), for the toolbar, palette and context menu. */
  readonly commands: RunnableCommand[] = commandRegistry(this);
  private startScreen = new StartScreen({
    t: (...a: Parameters<AppContext["t"]>) => this.t(...a),
    language: () => this.i18n.language,
    recentProjects: async () => (await this.call(this.api.recentProjects())) ?? [],
    newFromFiles: () => void this.runMenu("import"),
    open: (path) => void this.open(path),
    openSample: () => void this.openSample(),
  } as StartScreenActions);

  constructor(
    readonly api: DariBridge,
    root: HTMLElement,
    settings: Settings,
    lang: UiLanguage,
  ) {
    this.root = root;
    this.settings = settings;
    // Before the editor is made: the suggestions start as the analyst left them.
    setDisplay(sanitizeDisplay(settings.display));
    applyDisplay(display());
    this.i18n = createI18n(lang);
    document.documentElement.lang = lang;
  }

  get t() {
    return this.translate;
  }

  /**
   * t, remembering its last few results: a status message is given as text,
   * and this lets it be said again in the new language after a switch (issue 17.12).
   */
  private recentTexts: { text: string; args: unknown[] }[] = [];
  private lastMessage: { args: unknown[]; kind: "info" | "error"; actions: { action: NotifyAction; args?: unknown[] }[] } | null = null;
  private translate = ((...args: unknown[]) => {
    const text = (this.i18n.t as unknown as (...a: unknown[]) => string)(...args);
    if (typeof text === "string") {
      this.recentTexts.push({ text, args });
      if (this.recentTexts.length > 24) this.recentTexts.shift();
    }
    return text;
  }) as unknown as AppContext["t"];
  private argsOf(text: string): unknown[] | undefined {
    for (let i = this.recentTexts.length - 1; i >= 0; i--) if (this.recentTexts[i].text === text) return this.recentTexts[i].args;
    return undefined;
  }

  // --- AppContext ---------------------------------------------------------
  view(): EditorView {
    return this.editor;
  }
  notify(text: string, kind: "info" | "error" = "info", action?: NotifyAction | NotifyAction[]): void {
    const actions = action ? [action].flat() : [];
    const args = this.argsOf(text);
    this.lastMessage = args ? { args, kind, actions: actions.map((a) => ({ action: a, args: this.argsOf(a.label) })) } : null;
    this.message.textContent = text;
    this.message.className = `dari-message ${kind}`;
    for (const a of actions) this.message.append(" ", crelt("button", { type: "button", class: "dari-message-action", onclick: () => a.run() }, a.label));
  }
  showPanel(id: string): void {
    this.openPanel = this.openPanel === id ? null : id;
    this.renderSidebar();
    // Keyboard users land in the panel they opened, and back in the text when it closes.
    if (this.openPanel) this.sidebar.querySelector<HTMLElement>(".dari-sidebar-body input, .dari-sidebar-body select, .dari-sidebar-body button, .dari-sidebar-body textarea")?.focus();
    else this.editor.focus();
  }
  currentPath(): string | null {
    return this.path;
  }
  projectShown(): boolean {
    return !this.startScreen.shown;
  }
  projectText(): string {
    return serializeProject(projectFromState(this.editor.state));
  }
  async loadProject(project: Project, path: string | null): Promise<boolean> {
    if (!(await this.confirmDiscard())) return false;
    this.setProject(project, path, true);
    return true;
  }

  // --- Start --------------------------------------------------------------
  async start(): Promise<void> {
    this.root.append(this.menubarHost, this.toolbar, crelt("div", { class: "dari-main" }, this.editorHost, this.sidebar, this.startScreen.dom), this.statusbar);
    this.statusbar.append(this.message, crelt("span", { class: "dari-spacer" }), this.position, this.counts, this.languageButton);
    this.sidebar.addEventListener("keydown", (e) => {
      if (e.key === PANEL_BACK_KEY && !e.defaultPrevented) {
        e.preventDefault();
        this.editor.focus();
      }
    });
    this.editor = new EditorView(this.editorHost, {
      state: this.makeState({ meta: emptyMeta(), codebook: [], glossary: [], doc: buildDoc([]) }),
      attributes: { "aria-label": this.t("editor.label"), role: "textbox", "aria-multiline": "true", spellcheck: "false" },
      dispatchTransaction: (tr) => this.dispatch(tr),
    });
    // Tabbing into the scroller lands in the text (Shift+Tab out of the text stops on the scroller once).
    this.editorHost.addEventListener("focus", (e) => {
      if (e.target === this.editorHost && !this.editorHost.contains(e.relatedTarget as Node | null)) this.editor.focus();
    });
    this.applyLayout();
    this.renderChrome();
    this.api.onMenuCommand((cmd) => void this.runMenu(cmd));
    // Files dropped onto the window (their paths go through main, never the page).
    installDrop(this);
    // The window's own keys work wherever the focus is (editor, panel, toolbar).
    const windowKeys = keydownHandler({
      [UI_KEYS.palette]: () => (this.runUi("palette"), true),
      [UI_KEYS.preferences]: () => (this.runUi("preferences"), true),
      [UI_KEYS.zoomIn]: () => (this.runUi("zoomIn"), true),
      [UI_KEYS.zoomOut]: () => (this.runUi("zoomOut"), true),
      [UI_KEYS.zoomReset]: () => (this.runUi("zoomReset"), true),
    });
    document.addEventListener("keydown", (e) => {
      if (!e.defaultPrevented && windowKeys(this.editor, e)) e.preventDefault();
    });
    // The file keys (Ctrl+S, Ctrl+I, ...) from a panel, the toolbar or the status bar
    // too, not only from the text, whose keymap has them (issue 17.12); not under a dialog.
    const fileKeys = keydownHandler(this.fileKeys());
    window.addEventListener("keydown", (e) => {
      if (e.defaultPrevented || this.editor.dom.contains(e.target as Node) || document.querySelector(".dari-dialog-backdrop")) return;
      if (fileKeys(this.editor, e)) e.preventDefault();
    });
    window.addEventListener("beforeunload", (e) => {
      if (this.dirty) e.preventDefault();
    });
    const opened = await this.call(this.api.startupProject());
    if (opened) await this.openText(opened.text, opened.path, opened.recovery, !!opened.madeFrom, true);
    // Started without a file: the start screen, not a forced sample.
    if (opened) this.editor.focus();
    else await this.startScreen.show();
  }

  /** The bundled sample, a worked example, opened untitled. */
  async openSample(): Promise<void> {
    if (!(await this.confirmDiscard())) return;
    const opened = await this.call(this.api.openSample());
    if (opened) await this.openText(opened.text, null, null);
    this.editor.focus();
  }

  private makeState(project: Project): EditorState {
    const keys: Record<string, Command> = this.fileKeys();
    PANELS.forEach((p, i) => (keys[panelKey(i)] = () => (this.showPanel(p.id), true)));
    return createProjectState(project, editorPlugins(this, keys));
  }

  private fileKeys(): Record<string, Command> {
    return {
      [FILE_KEYS.save]: () => (void this.save(false), true),
      [FILE_KEYS.saveAs]: () => (void this.save(true), true),
      [FILE_KEYS.open]: () => (void this.runMenu("open"), true),
      [FILE_KEYS.new]: () => (void this.runMenu("new"), true),
      [FILE_KEYS.export]: () => (void this.runMenu("export"), true),
      [FILE_KEYS.import]: () => (void this.runMenu("import"), true),
      [HELP_KEY]: () => (void this.runMenu("shortcuts"), true),
    };
  }

  private dispatch(tr: Transaction): void {
    const before = this.editor.state;
    const state = before.apply(tr);
    this.editor.updateState(state);
    const dataChanged = projectData(state) !== projectData(before);
    if (tr.docChanged || dataChanged) {
      // The title and main are told once, not on every keystroke.
      if (!this.dirty) this.setDirty(true);
      this.scheduleAutosave();
    }
    this.updateStatus(state, tr.docChanged);
    if (this.openPanel) this.panels.get(this.openPanel)?.update(state);
  }

  // --- Project life -------------------------------------------------------
  private setProject(project: Project, path: string | null, dirty: boolean): void {
    this.startScreen.hide();
    this.editor.updateState(this.makeState(project));
    this.path = path;
    this.setDirty(dirty);
    this.updateStatus(this.editor.state, true);
    this.renderSidebar();
  }

  private async openText(text: string, path: string | null, recovery: { text: string; savedAt: string } | null, isNew = false, atStart = false): Promise<void> {
    let useText = text;
    let dirty = isNew;
    if (recovery) {
      const answer = await showDialog({
        title: this.t("dialog.recoveryTitle"),
        message: this.t("dialog.recoveryMessage", { file: this.fileName(path), time: new Date(recovery.savedAt).toLocaleString(this.i18n.language) }),
        buttons: [
          { label: this.t("dialog.discard"), value: false },
          { label: this.t("dialog.restore"), value: true, primary: true },
        ],
        cancel: false,
      });
      if (answer) {
        useText = recovery.text;
        dirty = true;
      } else await this.call(this.api.discardRecovery(path));
    }
    try {
      // Main parsed and validated an opened file's text whole (OpenedProject.text); a recovery copy is checked here.
      this.setProject(parseProject(useText, { checked: useText === text }), path, dirty);
      if (path) {
        // At start, a problem found while starting (a damaged user glossary) stays in view; the title names the file.
        if (!(atStart && this.message.classList.contains("error"))) this.notify(this.t("statusbar.opened", { file: this.fileName(path) }));
        void this.refreshRecentFiles();
      }
    } catch (e) {
      // Name the file as well as the place in it.
      if (isDariError(e)) await this.showError({ key: "file.inFile", params: { file: path ?? this.fileName(path), message: this.errorText(e) } });
      else await this.showError(e);
    }
  }

  private fileName(path: string | null): string {
    // A project never saved goes by its title (given in the import dialog), as Save proposes it.
    return path ? baseName(path) : this.editor ? projectData(this.editor.state).meta.title.trim() || this.t("untitled") : this.t("untitled");
  }

  private setDirty(dirty: boolean): void {
    this.dirty = dirty;
    const title = `${this.fileName(this.path)}${dirty ? " •" : ""} — Dari`;
    document.title = title;
    void this.api.setDocumentState({ title, dirty });
  }

  private scheduleAutosave(): void {
    this.autosave.touch(this.editor.state);
  }

  /** The recovery copy, written after a few idle seconds: serialized only then, not per keystroke. */
  private autosave = createAutosave<EditorState>({
    delayMs: AUTOSAVE_IDLE_MS,
    write: async (state) => {
      if (!this.dirty) return;
      const r = await this.api.autosave({ path: this.path, text: serializeProject(projectFromState(state)) });
      if (r.ok) this.notify(this.t("statusbar.autosaved"));
    },
  });

  async save(saveAs: boolean): Promise<boolean> {
    const path = await this.call(this.api.saveProject({ path: this.path, text: this.projectText(), saveAs: saveAs || !this.path }));
    if (!path) return false;
    this.path = path;
    this.setDirty(false);
    this.autosave.cancel();
    void this.api.discardRecovery(path);
    this.notify(this.t("statusbar.saved", { file: this.fileName(path) }));
    void this.refreshRecentFiles();
    return true;
  }

  /** Before replacing or closing the project: true when it is fine to go on. */
  async confirmDiscard(): Promise<boolean> {
    if (!this.dirty) return true;
    const answer = await this.call(this.api.confirmDiscard({ fileName: this.fileName(this.path) }));
    if (answer === "save") return this.save(false);
    if (answer === "discard") {
      void this.api.discardRecovery(this.path);
      return true;
    }
    return false;
  }

  // --- Menu commands --------------------------------------------------------
  async runMenu(cmd: MenuCommand): Promise<void> {
    for (const f of features) {
      const handler = f.menu?.[cmd];
      if (handler) return handler(this);
    }
    if (cmd.startsWith("language:")) return this.setLanguage(cmd.slice(9) as UiLanguage);
    if (cmd.startsWith("layout:")) {
      this.settings = (await this.call(this.api.setSettings({ layout: cmd.slice(7) as Settings["layout"] }))) ?? this.settings;
      this.applyLayout();
      return this.renderChrome();
    }
    if (cmd.startsWith("openRecent:")) return this.open(cmd.slice(11));
    if (cmd.startsWith("panel:")) return this.showPanel(cmd.slice(6));
    switch (cmd) {
      case "new":
        if (await this.confirmDiscard()) this.setProject(newProject(), null, false);
        return;
      case "open":
        return this.open(null);
      case "save":
        return void (await this.save(false));
      case "saveAs":
        return void (await this.save(true));
      case "undo":
        return void this.command(undo);
      case "redo":
        return void this.command(redo);
      case "close":
        if (await this.confirmDiscard()) {
          this.dirty = false;
          await this.api.setDocumentState({ title: document.title, dirty: false });
          window.close();
        }
        return;
      case "about":
        await showDialog({ title: this.t("dialog.aboutTitle"), message: this.t("dialog.aboutMessage", { version: __DARI_VERSION__ }), buttons: [{ label: this.t("dialog.ok"), value: true, primary: true }], cancel: true });
        return;
      case "shortcuts":
        await showDialog({ title: this.t("dialog.shortcutsTitle"), message: renderShortcutHelp(this.t), buttons: [{ label: this.t("dialog.ok"), value: true, primary: true }], cancel: true });
        return;
      default:
        return;
    }
  }

  /** The window's own commands that have no menu entry (palette, preferences, zoom, …). */
  runUi(id: string): void {
    if (id === "startScreen") void this.startScreen.show();
    else if (id === "palette") void this.openPalette();
    else if (id === "preferences") void openPreferences(this.t, display(), (patch) => void this.changeDisplay(patch));
    else if (id === "zoomIn" || id === "zoomOut" || id === "zoomReset") void this.changeDisplay({ fontSize: zoomed(display().fontSize, id === "zoomIn" ? 1 : id === "zoomOut" ? -1 : 0) });
    else if (id === "theme:toggle") void this.changeDisplay({ theme: isDark() ? "light" : "dark" });
  }

  /** Applies display preferences at once and has main keep them. */
  async changeDisplay(patch: Partial<DisplayPrefs>): Promise<void> {
    const next = sanitizeDisplay(patch, display());
    const before = display();
    setDisplay(next);
    applyDisplay(next);
    if (next.suggestions !== before.suggestions) toggleSuggestions(next.suggestions)(this.editor.state, (tr) => this.editor.dispatch(tr));
    this.settings = (await this.call(this.api.setSettings({ display: next }))) ?? this.settings;
  }

  private paletteOpen = false;

  /** The command palette: every command of the registry and every menu item. */
  async openPalette(): Promise<void> {
    if (this.paletteOpen) return;
    this.paletteOpen = true;
    const entries: PaletteEntry[] = this.commands.map((c) => ({ id: c.id, labelKey: c.labelKey, keyLabel: c.key ? shownKey(c.key) : undefined, run: c.run }));
    const covered = new Set(APP_COMMANDS.map((c) => c.menu).filter(Boolean) as string[]);
    const walk = (items: MenuItem[]): void =>
      items.forEach((item) => {
        if (item.submenu) return walk(item.submenu);
        if (item.separator || (!item.command && !item.role) || covered.has(item.command ?? "") || item.command?.startsWith("align:")) return;
        const recent = item.command?.startsWith("openRecent:");
        entries.push({
          id: item.command ?? `role:${item.role}`,
          labelKey: recent ? `${this.t("menu:file.openRecent")}: ${baseName(item.label)}` : menuLabelKey(item.label),
          literal: recent,
          keyLabel: item.accelerator ? shownAccelerator(item.accelerator) : undefined,
          run: () => this.runMenuItem(item),
        });
      });
    walk(menuTemplate({ uiLanguage: this.i18n.language as UiLanguage, layout: this.settings.layout, recentFiles: this.settings.recentFiles, platform: keyPlatform() === "mac" ? "darwin" : "other" }));
    try {
      await openPalette(this.i18n, entries);
    } finally {
      this.paletteOpen = false;
    }
  }

  command(cmd: Command): boolean {
    const done = cmd(this.editor.state, (tr) => this.editor.dispatch(tr), this.editor);
    this.editor.focus();
    return done;
  }

  private async open(path: string | null): Promise<void> {
    await this.openFrom(() => this.api.openProject(path));
  }

  /** Opens what main hands over (File › Open, a library's document); false when cancelled or refused. */
  async openFrom(request: () => Promise<Result<OpenedProject | null>>): Promise<boolean> {
    if (!(await this.confirmDiscard())) return false;
    const opened = await this.call(request());
    if (opened?.importFile) {
      const { openImportDialogWith } = await import("./features/import-dialog");
      await openImportDialogWith(this, { side: "ko", path: opened.importFile });
      return true;
    }
    if (opened) await this.openText(opened.text, opened.path, opened.recovery, !!opened.madeFrom);
    // What an import left out (a .qdpx's pictures, a memory's other languages) stays in view, one line each.
    if (opened?.warnings?.length) this.notify(opened.warnings.map((w) => this.errorText(w)).join("\n"), "error");
    this.editor.focus();
    return !!opened;
  }

  async setLanguage(lang: UiLanguage): Promise<void> {
    await this.i18n.changeLanguage(lang);
    // The last status message, said again in the new language.
    const last = this.lastMessage;
    if (last) {
      const again = (args: unknown[]) => (this.i18n.t as unknown as (...a: unknown[]) => string)(...args);
      this.notify(again(last.args), last.kind, last.actions.map(({ action, args }) => ({ ...action, label: args ? again(args) : action.label })));
    }
    this.editor.dom.setAttribute("aria-label", this.t("editor.label"));
    this.renderChrome();
    document.documentElement.lang = lang;
    this.settings = (await this.call(this.api.setSettings({ uiLanguage: lang }))) ?? this.settings;
  }

  // --- Chrome ---------------------------------------------------------------
  private applyLayout(): void {
    this.editor.dom.classList.toggle("dari-stacked", this.settings.layout === "stacked");
  }

  /** The in-window menu bar (where there is no native one), with the current recent files and choices. */
  private renderMenu(): void {
    this.menubarHost.replaceChildren();
    if (this.api.nativeMenu) return;
    const items = menuTemplate({ uiLanguage: this.i18n.language as UiLanguage, layout: this.settings.layout, recentFiles: this.settings.recentFiles, platform: keyPlatform() === "mac" ? "darwin" : "other" });
    this.menubarHost.append(renderMenubar(items, this.t, (item) => this.runMenuItem(item)));
  }

  /** Main keeps the recent files; after a save or an open the menu shows them anew. */
  private async refreshRecentFiles(): Promise<void> {
    const r = await this.api.getSettings();
    if (!r.ok) return;
    this.settings = r.value;
    this.renderMenu();
  }

  private renderChrome(): void {
    const t = this.t;
    this.renderMenu();
    this.toolbarView.render({ t, commands: this.commands, openPanel: this.openPanel });
    const other: UiLanguage = this.i18n.language === "ko" ? "en" : "ko";
    this.languageButton.textContent = t("ui:status.languageButton");
    this.languageButton.title = t("ui:status.languageTitle");
    this.languageButton.setAttribute("aria-label", `${t("ui:status.language")}: ${t("ui:status.languageButton")}`);
    this.languageButton.onclick = () => void this.setLanguage(other);
    this.statusbar.setAttribute("aria-label", t("statusbar.label"));
    this.updateStatus(this.editor.state, true);
    this.renderSidebar();
    if (this.startScreen.shown) void this.startScreen.render();
  }

  private runMenuItem(item: MenuItem): void {
    if (item.command) void this.runMenu(item.command);
    else if (item.role === "cut" || item.role === "copy" || item.role === "paste") {
      this.editor.focus();
      document.execCommand(item.role);
    } else if (item.role === "selectAll") this.editor.focus(), document.execCommand("selectAll");
  }

  private renderSidebar(): void {
    this.sidebar.classList.toggle("open", !!this.openPanel);
    this.toolbar.querySelectorAll<HTMLElement>("[data-panel]").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.panel === this.openPanel)));
    if (!this.openPanel) {
      this.sidebar.replaceChildren();
      return;
    }
    const tabs = crelt(
      "div",
      { class: "dari-sidebar-tabs", role: "tablist", "aria-label": this.t("panels.label") },
      features
        .filter((f) => f.panel)
        .map((f) => crelt("button", { type: "button", role: "tab", "aria-selected": String(f.id === this.openPanel), onclick: () => this.showPanel(f.id) }, this.t(f.panel!.titleKey))),
    );
    const feature = features.find((f) => f.id === this.openPanel);
    let panel = this.panels.get(this.openPanel);
    if (!panel && feature?.panel) {
      panel = feature.panel.create(this);
      this.panels.set(this.openPanel, panel);
    }
    const body = crelt("div", { class: "dari-sidebar-body", role: "tabpanel" }, panel?.dom ?? null);
    this.sidebar.replaceChildren(sidebarResizer(this.sidebar, () => this.t("panels.resize")), tabs, body);
    panel?.update(this.editor.state);
  }

  private updateStatus(state: EditorState, docChanged: boolean): void {
    const here = sideAt(state.selection.$head);
    if (here) {
      const $seg = state.doc.resolve(here.segmentPos);
      // Numbered through the document, as the gutter numbers segments (issue 17.10).
      let segment = $seg.index(1) + 1;
      for (let i = 0; i < $seg.index(0); i++) segment += state.doc.child(i).childCount;
      setText(this.position, this.t("statusbar.position", { passage: $seg.index(0) + 1, segment, side: this.t(`side.${here.side}`) }));
    }
    if (docChanged) {
      // Only the structure is counted (2,000 passages, not 1 M characters), and
      // the DOM is touched only when the text changes: typing stays cheap.
      setText(this.counts, this.t("statusbar.counts", { passages: state.doc.childCount, segments: segmentCount(state.doc) }));
    }
  }

  // --- Errors ---------------------------------------------------------------
  /** Unwraps an IPC result, showing the error to the user (and returning null) when it failed. */
  private async call<T>(p: Promise<Result<T>>): Promise<T | null> {
    let r: Result<T>;
    try {
      r = await p;
    } catch (e) {
      await this.showError(e);
      return null;
    }
    if (r.ok) return r.value;
    await this.showError(r.error);
    return null;
  }

  errorText(e: unknown): string {
    return errorMessage(this.t, e);
  }

  private async showError(e: unknown): Promise<void> {
    const text = this.errorText(e);
    this.notify(text, "error");
    await showDialog({ title: this.t("dialog.errorTitle"), message: text, buttons: [{ label: this.t("dialog.ok"), value: true, primary: true }], cancel: true });
  }
}

/** Writing the same text again would still invalidate the status bar's layout. */
function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

declare const __DARI_VERSION__: string;

export async function boot(api: DariBridge, root: HTMLElement): Promise<DariApp> {
  const settings = (await api.getSettings()) as Result<Settings>;
  const s: Settings = settings.ok ? settings.value : { uiLanguage: null, recentFiles: [], layout: "side-by-side" };
  let lang = s.uiLanguage;
  if (!isUiLanguage(lang)) {
    const locale = await api.systemLocale();
    lang = languageForLocale(locale.ok ? locale.value : navigator.language);
  }
  const app = new DariApp(api, root, s, lang);
  await app.start();
  return app;
}
