import { describe, expect, it } from 'vitest';
import { checkJs, checkJson, checkLiquid, expressionOf, modeOf, switchMode } from './values';

describe('input values', () => {
  it('tells literals, JavaScript and Liquid apart', () => {
    expect(modeOf('text')).toBe('literal');
    expect(modeOf(3)).toBe('literal');
    expect(modeOf({ js: 'a + 1' })).toBe('js');
    expect(modeOf({ liquid: '{{ a }}' })).toBe('liquid');
    expect(modeOf({ js: 'a', other: 1 })).toBe('literal');
  });

  it('keeps the meaning when switching modes', () => {
    expect(switchMode('Hello', 'js')).toEqual({ js: '"Hello"' });
    expect(switchMode('Hello', 'liquid')).toEqual({ liquid: 'Hello' });
    expect(switchMode({ js: 'count + 1' }, 'liquid')).toEqual({ liquid: 'count + 1' });
    expect(switchMode({ liquid: 'Hi {{ who }}' }, 'literal')).toBe('Hi {{ who }}');
    expect(expressionOf(42)).toBe('42');
  });

  it('checks JavaScript syntax without running it', () => {
    expect(checkJs('count < times')).toBeNull();
    expect(checkJs('`${greeting} (${count + 1})`')).toBeNull();
    expect(checkJs('const x = 1; return x;')).toBeNull();
    expect(checkJs('count <')).not.toBeNull();
    expect(checkJs('  ')).toBe('the expression is empty');
  });

  it('checks Liquid tags and outputs', () => {
    expect(checkLiquid('Hello, {{ who }}!')).toBeNull();
    expect(checkLiquid('{% if a %}x{% else %}y{% endif %}')).toBeNull();
    expect(checkLiquid('Hello, {{ who !')).toContain('not closed');
    expect(checkLiquid('{% for x in xs %}{{ x }}')).toContain("'{% for %}' is not closed");
    expect(checkLiquid('{% if a %}{% endfor %}')).toContain('does not close');
  });

  it('checks JSON literals', () => {
    expect(checkJson('[1, 2]')).toBeNull();
    expect(checkJson('[1, 2')).not.toBeNull();
  });
});
