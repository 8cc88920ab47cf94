import { describe, expect, it } from 'vitest';
import { languageOf, textOf } from './text-of';

describe('textOf', () => {
  it('flattens the elements MDX hands a component into their text', () => {
    expect(
      textOf(
        <pre>
          <code className="language-sh">{'df -h\n'}</code>
        </pre>,
      ),
    ).toBe('df -h\n');
    expect(textOf(['a', 1, null, false, <b key="c">c</b>])).toBe('a1c');
  });
});

describe('languageOf', () => {
  it("reads a fenced block's language from its code element", () => {
    expect(languageOf(<code className="language-bash">x</code>)).toBe('bash');
    expect(languageOf(<code>x</code>)).toBe('');
    expect(languageOf('text')).toBe('');
  });
});
