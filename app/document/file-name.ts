// The name Save proposes for a project never saved: its title (given in the
// import dialog), made safe as a file name on every system, or "untitled".
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]+/g;
const MAX_LENGTH = 120;

export function projectFileName(title: string | null | undefined): string {
  const base = (title ?? "").replace(UNSAFE, " ").replace(/\s+/g, " ").trim().replace(/^\.+|\.+$/g, "").slice(0, MAX_LENGTH).trim();
  return `${base || "untitled"}.dari`;
}
