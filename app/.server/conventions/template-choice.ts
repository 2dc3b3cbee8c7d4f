import type { MatchKind } from '../db/generated/enums';
import { AppError } from '../errors';
import { loadConventionTemplates, templateIdFor } from './template-files';

/** Templates are read from their files each time, so an edit by the Mission ESS applies to the next document. */
export function templateById(id: string) {
  const template = loadConventionTemplates().get(id);
  if (!template) throw new AppError('CONFIG', `Le modèle de convention « ${id} » est introuvable dans matching/conventions/templates.`);
  return template;
}

export function templateFor(kind: MatchKind, rooftop: boolean) {
  return templateById(templateIdFor({ kind, rooftop }));
}
