'use client';

import { describeLocalZone } from '@/components/format/local-zone';
import { ZONE_PREFERENCES } from '@/components/format/time-zone-store';
import { useLocalZone, useZonePreference } from '@/components/format/use-time-zone';
import { Segmented } from '@/components/ui/segmented';

/**
 * Every time on every page in the reader's own zone ('local': their profile's, else this browser's) or
 * in UTC; the choice is kept in this browser. The line beneath says which zone 'local' is.
 */
export function TimeZoneSwitch() {
  const [preference, setPreference] = useZonePreference();
  const local = useLocalZone();
  return (
    <div>
      <Segmented
        name="time-zone"
        legend="Times"
        options={ZONE_PREFERENCES}
        value={preference}
        onChange={setPreference}
      />
      <p className="mt-1 text-xs text-muted" data-testid="local-zone">
        local: {describeLocalZone(local)}
      </p>
    </div>
  );
}
