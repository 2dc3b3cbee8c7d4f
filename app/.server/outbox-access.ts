import { hasRole } from './auth/authorize';
import { getCurrentUser } from './auth/session';
import { AppError } from './errors';
import type { Services } from './services';

/**
 * The local outbox holds every sign-in link, so it is open to all only in demo mode; otherwise to the Mission ESS.
 * With Resend configured, the page does not exist.
 */
export async function assertLocalOutboxAccess(services: Services, request: Request): Promise<void> {
  if (services.env.email.kind !== 'local') {
    throw new AppError('NOT_FOUND', 'La boîte d’envoi locale n’est pas active : les courriels partent par Resend.');
  }
  if (services.env.demoMode) return;
  const user = await getCurrentUser(services, request);
  if (!user || !hasRole(user, 'MISSION_ESS_ADMIN')) {
    throw new AppError('FORBIDDEN', 'La boîte d’envoi locale est réservée à la Mission ESS.');
  }
}
