// Stable ids for passages, segments and theme annotations. Unique within a
// document (the unique-ids plugin re-issues any duplicate); random enough that
// two analysts' projects merged later do not collide in practice.
let counter = 0;

export function newId(prefix: string): string {
  counter = (counter + 1) % 1679616; // 36^4
  const rand = Math.floor(Math.random() * 2176782336).toString(36).padStart(6, "0");
  return `${prefix}${Date.now().toString(36)}${counter.toString(36).padStart(4, "0")}${rand}`;
}
