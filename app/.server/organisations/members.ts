import { z } from 'zod';
import { assertAccess } from '../auth/authorize';
import type { CurrentUser } from '../auth/session';
import type { Prisma } from '../db/generated/client';
import { AppError } from '../errors';
import { fromZodError } from '../http/route-errors';
import type { Services } from '../services';

/** What a person is called in lists and emails: first and last name, or nothing when none was given. */
export const personName = (person: { firstName: string | null; lastName: string | null }): string | undefined =>
  [person.firstName, person.lastName].filter(Boolean).join(' ') || undefined;

/** The members of a structure, oldest first: who they are and since when (the date of their role). */
export async function structureMembers(db: Prisma.TransactionClient, organisationId: string) {
  const grants = await db.roleGrant.findMany({
    where: { organisationId, role: 'STRUCTURE_MEMBER' },
    select: { createdAt: true, user: { select: { id: true, email: true, firstName: true, lastName: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return grants.map(({ createdAt, user }) => ({ userId: user.id, email: user.email, name: personName(user), since: createdAt }));
}

const removalSchema = z.object({ userId: z.string({ error: 'Choisissez le membre à retirer.' }).trim().min(1, 'Choisissez le membre à retirer.').max(100) });

/**
 * A member removes another member of the structure, or leaves it. The structure always keeps one member, who can
 * publish, answer matches and invite colleagues: removing the last one is refused. The person's account, needs and
 * offers stay; only the membership goes.
 */
export async function removeMember(services: Services, user: CurrentUser, organisationId: string, input: Record<string, unknown>) {
  assertAccess(user, { roles: ['STRUCTURE_MEMBER'], organisationId });
  const parsed = removalSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'Personne n’a été retiré de l’équipe.');
  const { userId } = parsed.data;
  const now = services.clock.now();
  return services.prisma.$transaction(async (tx) => {
    // Two members removing each other at the same moment must not leave the structure without anyone.
    const locked = await tx.$queryRaw<unknown[]>`SELECT 1 FROM "Organisation" WHERE "id" = ${organisationId} AND "kind" = 'STRUCTURE' FOR UPDATE`;
    if (locked.length === 0) throw new AppError('NOT_FOUND', 'Cette structure n’existe pas.');
    const members = await structureMembers(tx, organisationId);
    if (!members.some((member) => member.userId === user.id)) {
      throw new AppError('FORBIDDEN', 'Vous ne faites plus partie de l’équipe de cette structure.');
    }
    const removed = members.find((member) => member.userId === userId);
    if (!removed) throw new AppError('NOT_FOUND', 'Cette personne ne fait pas partie de l’équipe.');
    if (members.length === 1) {
      throw new AppError(
        'CONFLICT',
        'Vous êtes le dernier membre de l’équipe : invitez d’abord un ou une collègue, sinon plus personne ne pourra gérer la structure sur Passerelles.',
      );
    }
    await tx.roleGrant.deleteMany({ where: { userId, organisationId, role: 'STRUCTURE_MEMBER' } });
    await tx.auditLog.create({
      data: { actorId: user.id, action: 'structure.member_removed', targetType: 'Organisation', targetId: organisationId, details: { userId, email: removed.email }, at: now },
    });
    return { removed: removed.name ?? removed.email, self: userId === user.id };
  });
}
