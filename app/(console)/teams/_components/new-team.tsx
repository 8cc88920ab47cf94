'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { slugOf } from '@/components/schedules/schedule-form';
import { Button } from '@/components/ui/button';
import { FormDialog } from '@/components/ui/dialog';
import { ErrorMessage } from '@/components/ui/error-message';
import { Field, Input } from '@/components/ui/field';
import { useApiMutation } from '@/lib/api/query';
import { createTeamOp } from '@/lib/teams/api';

/** "New team" (admins): a name and a slug, then the team's page to add its members. */
export function NewTeam() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>New team</Button>
      {open ? <NewTeamDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function NewTeamDialog({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const create = useApiMutation(createTeamOp, {
    onSuccess: (team) => router.push(`/teams/${encodeURIComponent(team.slug)}`),
  });
  const fields = create.error?.fields ?? {};
  return (
    <FormDialog
      title="New team"
      onClose={onClose}
      onSubmit={() => create.mutate({ body: { name, slug: slug || slugOf(name) } })}
      submit={create.isPending ? 'Creating…' : 'Create team'}
      disabled={create.isPending || create.isSuccess || name.trim() === ''}
      width="28rem"
    >
      <Field id="team-name" label="Team name" error={fields.name}>
        {(c) => <Input {...c} autoFocus value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field id="team-slug" label="Slug (in URLs and YAML)" error={fields.slug}>
        {(c) => (
          <Input {...c} value={slug} placeholder={slugOf(name)} onChange={(e) => setSlug(e.target.value)} />
        )}
      </Field>
      <ErrorMessage error={create.error && Object.keys(fields).length === 0 ? create.error : null} />
    </FormDialog>
  );
}
