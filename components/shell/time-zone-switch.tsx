'use client';

import { ZONE_PREFERENCES } from '@/components/format/time-zone-store';
import { useZonePreference } from '@/components/format/use-time-zone';
import { Segmented } from '@/components/ui/segmented';

/** Every time on every page in the viewer's zone ('local') or in UTC; kept in this browser. */
export function TimeZoneSwitch() {
  const [preference, setPreference] = useZonePreference();
  return (
    <Segmented
      name="time-zone"
      legend="Times"
      options={ZONE_PREFERENCES}
      value={preference}
      onChange={setPreference}
    />
  );
}
