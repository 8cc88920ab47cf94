'use client';

import { errorIdOf, Field, FieldError, Input } from '@/components/ui/field';
import { Segmented } from '@/components/ui/segmented';
import { CUSTOM, PRESETS, type TimeChoice, UNCHANGED, UNTIL } from './silence-form';
import { describeEnd, fromLocalInput, toLocalInput } from './silence-time';

/**
 * How long the silence runs: a preset, a typed duration (counted from the start, or now), or an end
 * time read in the reader's own zone (`localZone`: their profile's, else the browser's, as the silences
 * list writes times) or in UTC, the field's label naming which. The line underneath names the resulting
 * end in both, so nobody silences until 18:00 in the wrong zone.
 */
export function SilenceTimeFields({
  id,
  editing,
  choice,
  customDuration,
  endsAtLocal,
  zone,
  localZone,
  end,
  nowMs,
  error,
  onChange,
}: {
  id: string;
  /** Offers "unchanged" (keep the silence's end). */
  editing: boolean;
  choice: TimeChoice;
  customDuration: string;
  endsAtLocal: string;
  /** The IANA zone the end-time field is read in: `localZone` or 'UTC'. */
  zone: string;
  /** The reader's own zone. */
  localZone: string;
  /** Where the choice ends the silence, when it is valid. */
  end?: Date;
  nowMs: number;
  error?: string;
  onChange: (patch: {
    choice?: TimeChoice;
    customDuration?: string;
    endsAtLocal?: string;
    zone?: string;
  }) => void;
}) {
  const options: readonly TimeChoice[] = editing
    ? [UNCHANGED, ...PRESETS, CUSTOM, UNTIL]
    : [...PRESETS, CUSTOM, UNTIL];
  const describedBy = `${id}-end${error ? ` ${errorIdOf(id)}` : ''}`;
  const zones = localZone === 'UTC' ? ['UTC'] : [localZone, 'UTC'];
  return (
    <div className="flex flex-col gap-2">
      <Segmented
        name={`${id}-choice`}
        legend="Duration"
        options={options}
        value={choice}
        onChange={(next) => onChange({ choice: next })}
      />
      {choice === CUSTOM ? (
        <Field id={`${id}-duration`} label="Custom duration">
          <Input
            id={`${id}-duration`}
            value={customDuration}
            placeholder="90m, 2h30m, 3d"
            autoComplete="off"
            aria-invalid={Boolean(error)}
            aria-describedby={describedBy}
            className="font-mono"
            onChange={(e) => onChange({ customDuration: e.target.value })}
          />
        </Field>
      ) : null}
      {choice === UNTIL ? (
        <div className="flex flex-wrap items-end gap-3">
          <Field id={`${id}-ends-at`} label={`Ends at (${zone})`}>
            <Input
              id={`${id}-ends-at`}
              type="datetime-local"
              value={endsAtLocal}
              aria-invalid={Boolean(error)}
              aria-describedby={describedBy}
              onChange={(e) => onChange({ endsAtLocal: e.target.value })}
            />
          </Field>
          {zones.length > 1 ? (
            <Segmented
              name={`${id}-zone`}
              legend="Time zone of the end time"
              options={zones}
              value={zone}
              onChange={(next) => {
                // Keep the instant, rewrite the field in the other zone.
                const instant = fromLocalInput(endsAtLocal, zone);
                onChange({ zone: next, ...(instant ? { endsAtLocal: toLocalInput(instant, next) } : {}) });
              }}
            />
          ) : null}
        </div>
      ) : null}
      <p id={`${id}-end`} className="text-xs text-muted">
        {end ? sentence(describeEnd(end, nowMs, localZone), choice === UNCHANGED) : null}
      </p>
      <FieldError id={id} error={error} />
    </div>
  );
}

const sentence = (text: string, unchanged: boolean) =>
  unchanged ? `Unchanged: ${text}` : `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
