import { describe, expect, it } from 'vitest';
import { applyCompletion, completionContext } from './completion';

describe('completionContext', () => {
  it.each([
    ['', 0, { kind: 'name', prefix: '', start: 0 }],
    ['sev', 3, { kind: 'name', prefix: 'sev', start: 0 }],
    ['job="api" inst', 14, { kind: 'name', prefix: 'inst', start: 10 }],
    ['severity=', 9, { kind: 'value', name: 'severity', op: '=', prefix: '', start: 0 }],
    ['severity="cri', 13, { kind: 'value', name: 'severity', op: '=', prefix: 'cri', start: 0 }],
    ['job="a" instance=~"db', 22, { kind: 'value', name: 'instance', op: '=~', prefix: 'db', start: 8 }],
    ['severity!="warn', 15, { kind: 'value', name: 'severity', op: '!=', prefix: 'warn', start: 0 }],
    ['job="api" ', 10, { kind: 'name', prefix: '', start: 10 }],
    ['job="api"', 9, { kind: 'none' }],
  ] as const)('%j at %i', (text, cursor, expected) => {
    expect(completionContext(text, cursor)).toEqual(expected);
  });
});

describe('applyCompletion', () => {
  it('turns a name into `name=` and a value into a closed matcher', () => {
    const name = completionContext('sev', 3);
    expect(applyCompletion('sev', 3, name, 'severity')).toEqual({ text: 'severity=', cursor: 9 });
    const value = completionContext('severity="cri', 13);
    expect(applyCompletion('severity="cri', 13, value, 'critical')).toEqual({
      text: 'severity="critical" ',
      cursor: 20,
    });
  });

  it('quotes values safely and keeps what follows the cursor', () => {
    const ctx = completionContext('path= job="x"', 5);
    expect(applyCompletion('path= job="x"', 5, ctx, 'C:\\tmp "x"')).toEqual({
      text: 'path="C:\\\\tmp \\"x\\"" job="x"',
      cursor: 21,
    });
  });
});
