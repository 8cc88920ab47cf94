import { describe, expect, it } from 'vitest';
import { missingDebianPackages } from './debian-packages.js';
import { MissingPackagesError } from './errors.js';

describe('missingDebianPackages', () => {
  it('lists each package once, even when several of its binaries are missing', () => {
    const present = new Set(['/usr/bin/prometheus-node-exporter', '/usr/bin/prometheus-blackbox-exporter']);
    expect(missingDebianPackages((path) => present.has(path))).toEqual([
      'prometheus',
      'prometheus-alertmanager',
      'prometheus-postgres-exporter',
      'python3-aiosmtpd',
    ]);
  });

  it('is empty when everything is installed', () => {
    expect(missingDebianPackages(() => true)).toEqual([]);
  });
});

describe('MissingPackagesError', () => {
  it('prints the exact install command', () => {
    const error = new MissingPackagesError(['prometheus', 'prometheus-alertmanager']);
    expect(error.command).toBe('sudo apt-get install -y prometheus prometheus-alertmanager');
    expect(error.message).toContain('  sudo apt-get install -y prometheus prometheus-alertmanager');
  });
});
