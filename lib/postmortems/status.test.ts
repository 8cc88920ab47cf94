import { describe, expect, it } from 'vitest';
import { nextStatuses, transitionProblem } from './status';

describe('transitionProblem', () => {
  it('lets responders move draft → in review → published and back to draft from review', () => {
    expect(transitionProblem('draft', 'in_review', 'responder')).toBeNull();
    expect(transitionProblem('in_review', 'published', 'responder')).toBeNull();
    expect(transitionProblem('in_review', 'draft', 'responder')).toBeNull();
  });

  it('refuses skipping review, for admins too', () => {
    expect(transitionProblem('draft', 'published', 'admin')).toMatchObject({ kind: 'conflict' });
  });

  it('lets only admins reopen a published post-mortem', () => {
    expect(transitionProblem('published', 'draft', 'responder')).toMatchObject({ kind: 'forbidden' });
    expect(transitionProblem('published', 'in_review', 'responder')).toMatchObject({ kind: 'forbidden' });
    expect(transitionProblem('published', 'draft', 'admin')).toBeNull();
    expect(transitionProblem('published', 'in_review', 'admin')).toBeNull();
  });

  it('refuses viewers any change, and treats "no change" as none', () => {
    expect(transitionProblem('draft', 'in_review', 'viewer')).toMatchObject({ kind: 'forbidden' });
    expect(transitionProblem('published', 'published', 'viewer')).toBeNull();
  });
});

describe('nextStatuses', () => {
  it('offers the buttons this role may press', () => {
    expect(nextStatuses('draft', 'responder')).toEqual(['in_review']);
    expect(nextStatuses('in_review', 'responder')).toEqual(['draft', 'published']);
    expect(nextStatuses('published', 'responder')).toEqual([]);
    expect(nextStatuses('published', 'admin')).toEqual(['draft', 'in_review']);
    expect(nextStatuses('draft', 'viewer')).toEqual([]);
  });
});
