import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LevelEditor } from './level-editor';

/** One level of the policy editor: its targets by name, the wait's label, what can be moved. */

const options = {
  channels: [{ name: 'ops-chat', type: 'slack' }],
  schedules: [{ id: 's1', slug: 'db-primary', name: 'DB primary' }],
  users: [{ id: 'u1', name: 'Ana Lopez', email: 'ana@example.com' }],
};
const noop = () => {};

const render = (index: number, count: number, error?: string) =>
  renderToStaticMarkup(
    <LevelEditor
      index={index}
      count={count}
      level={{
        key: 'k',
        name: 'On call',
        waitMinutes: '5',
        targets: ['schedule:s1', 'user:u1', 'channel:ops-chat', 'user:gone'],
      }}
      options={options}
      error={error}
      onChange={noop}
      onMove={noop}
      onRemove={noop}
    />,
  );

describe('LevelEditor', () => {
  it('names what the level pages, each with a remove button', () => {
    const html = render(1, 3);
    for (const name of ['On call on DB primary', 'Ana Lopez', 'Channel ops-chat', 'An unknown user'])
      expect(html).toContain(`aria-label="Remove ${name}"`);
    expect(html).toContain('Wait after the previous level (min)');
    expect(html).toContain('<option value="user:u1">Ana Lopez (ana@example.com)</option>');
  });

  it('counts the first wait from the opening and cannot move the first level up or the last down', () => {
    const first = render(0, 2);
    expect(first).toContain('Wait after the incident opens (min)');
    expect(first).toMatch(/<button[^>]*disabled=""[^>]*>Move up</);
    expect(first).not.toMatch(/<button[^>]*disabled=""[^>]*>Move down</);
    expect(render(1, 2)).toMatch(/<button[^>]*disabled=""[^>]*>Move down</);
    expect(render(0, 1)).toMatch(/<button[^>]*disabled=""[^>]*>Remove level</);
  });

  it('shows its problem tied to the level', () => {
    const html = render(0, 1, 'Pick whom this level pages');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('id="level-k-error"');
    expect(html).toContain('Pick whom this level pages');
  });
});
