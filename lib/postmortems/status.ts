import type { Role } from '@/lib/auth/roles';
import { hasRole } from '@/lib/auth/roles';
import type { PostmortemStatus } from './schemas';

/**
 * Which status changes a post-mortem allows, and to whom. Pure.
 *
 * draft ⇄ in review → published, by responders; a published post-mortem is read-only until an admin
 * reopens it (to draft or in review). Skipping review (draft → published) is refused.
 *
 *   transitionProblem('draft', 'in_review', 'responder')   → null
 *   transitionProblem('draft', 'published', 'admin')       → 'A draft goes to review before it is published.'
 *   transitionProblem('published', 'draft', 'responder')   → 'Only an admin reopens a published post-mortem.'
 */

const ALLOWED: Record<PostmortemStatus, readonly PostmortemStatus[]> = {
  draft: ['in_review'],
  in_review: ['draft', 'published'],
  published: ['draft', 'in_review'],
};

export type TransitionProblem = { kind: 'forbidden' | 'conflict'; message: string };

export function transitionProblem(
  from: PostmortemStatus,
  to: PostmortemStatus,
  role: Role,
): TransitionProblem | null {
  if (from === to) return null;
  if (!ALLOWED[from].includes(to))
    return { kind: 'conflict', message: 'A draft goes to review before it is published.' };
  if (from === 'published' && !hasRole(role, 'admin'))
    return { kind: 'forbidden', message: 'Only an admin reopens a published post-mortem.' };
  if (!hasRole(role, 'responder'))
    return { kind: 'forbidden', message: 'Changing a post-mortem needs the responder role.' };
  return null;
}

/** The status buttons the editor offers this role, from this status. */
export function nextStatuses(from: PostmortemStatus, role: Role): PostmortemStatus[] {
  return ALLOWED[from].filter((to) => transitionProblem(from, to, role) === null);
}

export const STATUS_LABELS: Record<PostmortemStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
};
