import type { Role } from '../db/generated/enums';
import { AppError } from '../errors';
import type { CurrentUser } from './session';

/** True when the user holds the role, for that organisation when one is given. */
export function hasRole(user: CurrentUser, role: Role, organisationId?: string): boolean {
  return user.roles.some(
    (grant) => grant.role === role && (organisationId === undefined || grant.organisationId === organisationId),
  );
}

export function organisationsWithRole(user: CurrentUser, role: Role): string[] {
  return user.roles.flatMap((grant) => (grant.role === role && grant.organisationId ? [grant.organisationId] : []));
}

export interface AccessRule {
  /** Any of these roles grants access… */
  roles: Role[];
  /** …scoped to this organisation when given. */
  organisationId?: string;
  /** Mission ESS administrators may read, for moderation and reporting; never set it on actions taken for others. */
  missionEssMayRead?: boolean;
}

/** The one gate for loaders and actions: throws FORBIDDEN unless the rule holds. */
export function assertAccess(user: CurrentUser, rule: AccessRule): void {
  if (rule.missionEssMayRead && hasRole(user, 'MISSION_ESS_ADMIN')) return;
  if (rule.roles.some((role) => hasRole(user, role, rule.organisationId))) return;
  throw new AppError('FORBIDDEN', "Vous n'avez pas accès à cette page.");
}
