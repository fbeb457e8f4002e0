// Structural equality of JSON values (as JSON.parse, IPC or zod give them), ignoring key order: the
// server, main and the UI each build their own objects, so "the same settings" cannot mean the same
// references or the same key order. Zod-free and dependency-free, so the renderer's first load can
// use it too. A key whose value is undefined counts as absent, as it does once written as JSON.

export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = presentKeys(a);
  return keys.length === presentKeys(b).length && keys.every((key) => sameJson(a[key], b[key]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function presentKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}
