/**
 * Text PostgreSQL cannot store, and shapes no form sends: checked before any schema, so a hostile
 * or broken request gets a clear answer instead of a database error. PostgreSQL refuses the NUL
 * character in text and JSON, and an unpaired UTF-16 surrogate (half of an emoji, say) either
 * fails in JSON or is silently replaced on the way to UTF-8.
 */

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Nesting beyond this is refused: forms nest twice, the interchange file about six times. */
export const MAX_INPUT_DEPTH = 16;

const UNSTORABLE_MESSAGE =
  'This contains a character that cannot be stored (a NUL character, or half of an emoji or other symbol): remove it and try again';
const TOO_DEEP_MESSAGE = `This is nested more than ${MAX_INPUT_DEPTH} levels deep: no form or file of Casemark nests that deep`;

/** True when the text holds a NUL character or an unpaired surrogate. */
export function hasUnstorableCharacter(text: string): boolean {
  return UNSTORABLE.test(text);
}

interface UnsafeInput {
  path: (string | number)[];
  message: string;
}

/** Values that are not data containers (files, dates, maps…): left to the schema, which refuses them. */
function isOpaque(node: object): boolean {
  return (
    node instanceof Date ||
    node instanceof Map ||
    node instanceof Set ||
    node instanceof RegExp ||
    ArrayBuffer.isView(node) ||
    node instanceof ArrayBuffer ||
    (typeof Blob !== 'undefined' && node instanceof Blob) ||
    (typeof FormData !== 'undefined' && node instanceof FormData)
  );
}

/**
 * The first string (value or key) that cannot be stored, or the first value nested too deeply,
 * with its path; null when the input is safe. Arrays and objects are walked (what forms, JSON
 * and server-action arguments are made of); files, dates and the like are left to the schema.
 */
export function findUnsafeInput(value: unknown, maxDepth = MAX_INPUT_DEPTH): UnsafeInput | null {
  const walk = (node: unknown, path: (string | number)[]): UnsafeInput | null => {
    if (typeof node === 'string') return hasUnstorableCharacter(node) ? { path, message: UNSTORABLE_MESSAGE } : null;
    if (node === null || typeof node !== 'object') return null;
    const isArray = Array.isArray(node);
    if (!isArray && isOpaque(node)) return null;
    if (path.length >= maxDepth) return { path, message: TOO_DEEP_MESSAGE };
    if (isArray) {
      for (let i = 0; i < node.length; i++) {
        const found = walk(node[i], [...path, i]);
        if (found) return found;
      }
      return null;
    }
    for (const key of Object.keys(node)) {
      if (hasUnstorableCharacter(key)) return { path: [...path, key], message: UNSTORABLE_MESSAGE };
      const found = walk((node as Record<string, unknown>)[key], [...path, key]);
      if (found) return found;
    }
    // A schema reads inherited fields too: an object built on another object is checked through it.
    const prototype = Object.getPrototypeOf(node);
    return prototype === Object.prototype || prototype === null ? null : walk(prototype, path);
  };
  return walk(value, []);
}
