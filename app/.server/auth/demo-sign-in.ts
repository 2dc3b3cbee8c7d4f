import { DEMO_ACCOUNTS } from '../../../prisma/seed/demo-data';
import { AppError } from '../errors';
import type { Services } from '../services';
import { roleLabels } from '../../lib/labels';

function assertDemoMode(services: Services): void {
  if (!services.env.demoMode) throw new AppError('NOT_FOUND', 'La connexion de démonstration n’existe pas ici.');
}

export function listDemoAccounts(services: Services) {
  assertDemoMode(services);
  return Object.entries(DEMO_ACCOUNTS).map(([role, accounts]) => ({
    role: roleLabels[role as keyof typeof roleLabels],
    accounts,
  }));
}

/** Demo mode only, and only the listed fictional accounts: never a way into a real account. */
export async function findDemoUser(services: Services, email: string): Promise<string> {
  assertDemoMode(services);
  const listed = Object.values(DEMO_ACCOUNTS).some((accounts) => accounts.some((account) => account.email === email));
  const user = listed ? await services.prisma.user.findUnique({ where: { email }, select: { id: true } }) : null;
  if (!user) throw new AppError('VALIDATION', 'Ce compte de démonstration n’existe pas.');
  return user.id;
}
