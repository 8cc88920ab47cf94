import type { SeedUser } from '../scripts/seed-users';

/** Users the end-to-end tests sign in as; passwords are fixed because the database is thrown away. */
export const E2E_USERS = {
  admin: { email: 'admin@e2e.test', password: 'admin-password-e2e', role: 'admin' },
  responder: { email: 'responder@e2e.test', password: 'responder-password-e2e', role: 'responder' },
  viewer: { email: 'viewer@e2e.test', password: 'viewer-password-e2e', role: 'viewer' },
  // Demoted to viewer by the role-change test.
  demoted: { email: 'demoted@e2e.test', password: 'demoted-password-e2e', role: 'responder' },
  // Only the rate-limit test signs in as this one, so locking it out blocks nobody else.
  locked: { email: 'locked@e2e.test', password: 'locked-password-e2e', role: 'viewer' },
  // The weekly rotation of e2e/oncall.spec.ts; nothing else uses them, so who is on call stays its own.
  ann: { email: 'ann@e2e.test', password: 'ann-password-e2e', role: 'responder', name: 'Ann Oncall' },
  bob: { email: 'bob@e2e.test', password: 'bob-password-e2e', role: 'responder', name: 'Bob Oncall' },
  cat: { email: 'cat@e2e.test', password: 'cat-password-e2e', role: 'responder', name: 'Cat Oncall' },
  // The weekly rotation of paging.spec.ts: the first is on call, the second covers by an override.
  pagedFirst: { email: 'paged-first@e2e.test', password: 'paged-first-password-e2e', role: 'responder' },
  pagedSecond: { email: 'paged-second@e2e.test', password: 'paged-second-password-e2e', role: 'responder' },
  // The rotation of swap.spec.ts: the asker is on call and asks the other to cover.
  swapAsker: {
    email: 'swap-asker@e2e.test',
    password: 'swap-asker-password-e2e',
    role: 'responder',
    name: 'Swap Asker',
  },
  swapCover: {
    email: 'swap-cover@e2e.test',
    password: 'swap-cover-password-e2e',
    role: 'responder',
    name: 'Swap Cover',
  },
  // e2e/contact-methods.spec.ts adds and tests its contact methods on this one's profile.
  contacts: {
    email: 'contacts@e2e.test',
    password: 'contacts-password-e2e',
    role: 'responder',
    name: 'Cora Contacts',
  },
  // e2e/reaching-people.spec.ts: the one on call, paged by Web Push, and another person paged with her.
  pushPager: {
    email: 'push-pager@e2e.test',
    password: 'push-pager-password-e2e',
    role: 'responder',
    name: 'Pia Pager',
  },
  pagedAlongside: {
    email: 'paged-alongside@e2e.test',
    password: 'paged-alongside-password-e2e',
    role: 'responder',
    name: 'Otto Alongside',
  },
} satisfies Record<string, SeedUser>;
