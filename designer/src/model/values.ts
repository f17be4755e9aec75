// Input values of activities: a literal (plain JSON), JavaScript ({"js": ...}) or Liquid ({"liquid": ...}), and the
// syntax checks the properties panel shows while typing. Nothing is evaluated here.

export type ValueMode = 'literal' | 'js' | 'liquid';

export function modeOf(value: unknown): ValueMode {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'js' && typeof (value as { js: unknown }).js === 'string') return 'js';
    if (keys.length === 1 && keys[0] === 'liquid' && typeof (value as { liquid: unknown }).liquid === 'string') return 'liquid';
  }
  return 'literal';
}

export function expressionOf(value: unknown): string {
  const mode = modeOf(value);
  if (mode === 'js') return (value as { js: string }).js;
  if (mode === 'liquid') return (value as { liquid: string }).liquid;
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** The value in another mode, keeping what it says where possible (a literal text becomes a JS string literal). */
export function switchMode(value: unknown, mode: ValueMode): unknown {
  const from = modeOf(value);
  if (from === mode) return value;
  if (mode === 'literal') return from === 'literal' ? value : expressionOf(value);
  if (mode === 'js') return { js: from === 'literal' ? (value === undefined ? '' : typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value)) : expressionOf(value) };
  return { liquid: from === 'literal' ? (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)) : expressionOf(value) };
}

/** null when the JavaScript expression parses; else the parser's message. The code is compiled, never run. */
export function checkJs(code: string): string | null {
  if (code.trim() === '') return 'the expression is empty';
  try {
    // eslint-disable-next-line no-new-func
    new Function(`return (\n${code}\n);`);
    return null;
  } catch (e) {
    try {
      new Function(code); // statements (RunScript)
      return null;
    } catch {
      return (e as Error).message;
    }
  }
}

const blockTags = new Map([['if', 'endif'], ['unless', 'endunless'], ['for', 'endfor'], ['case', 'endcase'], ['capture', 'endcapture'], ['comment', 'endcomment'], ['raw', 'endraw'], ['tablerow', 'endtablerow']]);

/** null when the Liquid template's tags and outputs are balanced; else what is wrong. */
export function checkLiquid(template: string): string | null {
  const stack: string[] = [];
  const pattern = /\{\{-?([\s\S]*?)-?\}\}|\{%-?\s*(\w+)([\s\S]*?)-?%\}|\{\{|\{%/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(template)) !== null) {
    if (match[0] === '{{') return `'{{' at ${match.index} is not closed with '}}'`;
    if (match[0] === '{%') return `'{%' at ${match.index} is not closed with '%}'`;
    if (match[1] !== undefined) {
      if (match[1].trim() === '') return `empty output '{{ }}' at ${match.index}`;
      continue;
    }
    const tag = match[2];
    if (blockTags.has(tag)) stack.push(tag);
    else if (tag.startsWith('end')) {
      const open = stack.pop();
      if (!open || blockTags.get(open) !== tag) return `'{% ${tag} %}' at ${match.index} does not close ${open ? `'{% ${open} %}'` : 'any block'}`;
    }
  }
  if (stack.length > 0) return `'{% ${stack[stack.length - 1]} %}' is not closed with '{% end${stack[stack.length - 1]} %}'`;
  return null;
}

/** The problem of a literal typed as text in a JSON editor (lists, tables, objects, any). */
export function checkJson(text: string): string | null {
  if (text.trim() === '') return null;
  try { JSON.parse(text); return null; } catch (e) { return (e as Error).message; }
}

export function checkValue(value: unknown): string | null {
  const mode = modeOf(value);
  if (mode === 'js') return checkJs(expressionOf(value));
  if (mode === 'liquid') return checkLiquid(expressionOf(value));
  return null;
}
