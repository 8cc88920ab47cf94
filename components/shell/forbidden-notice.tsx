import { ROLES, type Role } from '@/lib/auth/roles';

const ROLE_NAMES: Record<Role, string> = { viewer: 'Viewers', responder: 'Responders', admin: 'Admins' };

/**
 * Why the user landed here instead of the page they opened: `requirePageUser(role)` sends a user
 * without the role to `/?forbidden=<role>`. Nothing for any other value (the parameter is user input).
 */
export function ForbiddenNotice({ needed, current }: { needed: string | undefined; current: Role }) {
  const role = ROLES.find((r) => r === needed);
  if (!role) return null;
  return (
    <div
      role="alert"
      data-testid="forbidden-notice"
      className="mb-4 rounded-md border border-warn/40 bg-warn/10 px-3 py-2 text-sm"
    >
      <p>
        <strong>{ROLE_NAMES[role]} only:</strong> that page needs the {role} role, and you are signed in as a{' '}
        {current}.
      </p>
      <p className="text-muted">
        If you need it, ask an admin to change your role (Admin → Users). Everything else is here.
      </p>
    </div>
  );
}
