import { describe, expect, it } from 'vitest';
import { MigrationError, pendingMigrations } from './migrate';

const m = (name: string, checksum = `sum-${name}`) => ({ name, sql: '', checksum });
const applied = (name: string, checksum = `sum-${name}`, finished = true) => ({
  migration_name: name,
  checksum,
  finished_at: finished ? new Date() : null,
  rolled_back_at: null,
});

describe('pendingMigrations', () => {
  it('returns the migrations not yet applied, in order', () => {
    expect(pendingMigrations([m('1_a'), m('2_b'), m('3_c')], [applied('1_a')]).map((x) => x.name)).toEqual([
      '2_b',
      '3_c',
    ]);
  });

  it('is empty when everything is applied (re-applying is a no-op)', () => {
    expect(pendingMigrations([m('1_a')], [applied('1_a')])).toEqual([]);
  });

  it('refuses a migration edited after it was applied', () => {
    expect(() => pendingMigrations([m('1_a', 'new')], [applied('1_a', 'old')])).toThrow(
      /edited after it was applied/,
    );
  });

  it('refuses to go on after a failed migration', () => {
    expect(() => pendingMigrations([m('1_a')], [applied('1_a', 'sum-1_a', false)])).toThrow(MigrationError);
  });
});
