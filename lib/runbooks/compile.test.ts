import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { compileRunbook, RunbookCompileError } from './compile';

const FRONTMATTER = '---\ntitle: T\nseverity: info\nowner: sre\nlast_reviewed: 2026-11-21\n---\n';
const Label = ({ name }: { name: string }) => createElement('b', null, name);
const compileBody = (body: string) => compileRunbook('runbooks/t.mdx', FRONTMATTER + body);

async function compileError(body: string): Promise<RunbookCompileError> {
  try {
    await compileBody(body);
  } catch (e) {
    if (e instanceof RunbookCompileError) return e;
    throw e;
  }
  throw new Error('expected a RunbookCompileError');
}

describe('compileRunbook', () => {
  it('lists the steps with their titles, nested ones included', async () => {
    const { steps } = await compileBody(
      '<Step id="a" title="First">\n\nText\n</Step>\n\n<Note>\n<Step id="b-2" title=" Second ">x</Step>\n</Note>\n',
    );
    expect(steps).toEqual([
      { id: 'a', title: 'First' },
      { id: 'b-2', title: 'Second' },
    ]);
  });

  it.each([
    // The frontmatter takes lines 1–6, so the body starts on line 7.
    [
      'a duplicate id',
      '<Step id="a" title="A" />\n\n<Step id="a" title="B" />\n',
      'runbooks/t.mdx:9:1: ',
      'is used twice',
    ],
    [
      'an id that is an expression',
      '<Step id={"a"} title="A" />\n',
      'runbooks/t.mdx:7:1: ',
      'literal kebab-case',
    ],
    [
      'an id that is not kebab-case',
      '<Step id="Check It" title="A" />\n',
      'runbooks/t.mdx:7:1: ',
      'kebab-case',
    ],
    ['no title', '\n<Step id="a" />\n', 'runbooks/t.mdx:8:1: ', 'needs a title'],
    // MDX reports an unclosed element at the end of the file with its position in the reason.
    ['broken MDX', 'text\n\n<Step id="a" title="A">\n', 'runbooks/t.mdx', 'closing tag for `<Step>` (9:1'],
  ])('refuses %s, naming the file and line', async (_, body, where, message) => {
    const error = await compileError(body);
    expect(error.message.startsWith(where)).toBe(true);
    expect(error.message).toContain(message);
  });

  it('renders with the components it is given and fails loudly for a missing one', async () => {
    const { Content } = await compileBody('Hello <Label name="instance" />\n\n<Unknown />\n');
    expect(() => renderToStaticMarkup(createElement(Content, { components: { Label } }))).toThrow(/Unknown/);
    const { Content: ok } = await compileBody('Hello <Label name="instance" />\n');
    expect(renderToStaticMarkup(createElement(ok, { components: { Label } }))).toBe(
      '<p>Hello <b>instance</b></p>',
    );
  });

  it('fails to render a {labels.x} expression in prose: placeholders belong in attributes and code', async () => {
    const { Content } = await compileBody('Host {labels.instance}\n');
    expect(() => renderToStaticMarkup(createElement(Content, { components: {} }))).toThrow(/labels/);
  });
});
