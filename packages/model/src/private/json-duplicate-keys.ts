/** Where a key appears twice in one JSON object. */
export interface DuplicateJsonKey {
  readonly key: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Finds the first key given twice in one object of `text`, which must be valid JSON (parsed
 * already). One pass over the text: a stack holds the keys seen in each open object.
 */
export function duplicateJsonKey(text: string): DuplicateJsonKey | undefined {
  const stack: (Set<string> | undefined)[] = []; // a Set for an object, undefined for an array
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      stack.push(undefined);
      expectKey = false;
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      expectKey = stack[stack.length - 1] !== undefined;
    } else if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        const keys = stack[stack.length - 1]!;
        if (keys.has(key)) {
          const before = text.slice(0, i);
          const line = before.split('\n').length;
          return { key, line, column: i - before.lastIndexOf('\n') };
        }
        keys.add(key);
        expectKey = false;
      }
      i = end;
    }
  }
  return undefined;
}
