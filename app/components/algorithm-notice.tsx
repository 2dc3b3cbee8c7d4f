import { Link } from '@remix-run/react';
import { CADA, MISSION_ESS_CONTACT, TRANSPARENCY_PAGE_TITLE, TRANSPARENCY_PATH, TREATMENT_PURPOSES, type Treatment } from '~/lib/transparency';

/**
 * The explicit mention of CRPA art. L311-3-1 and R311-3-1-1, beside every result of an algorithmic treatment: its
 * purpose, the right to obtain its rules and how they were applied, how to ask, and recourse to the CADA.
 */
export function AlgorithmNotice({ treatment }: { treatment: Treatment }) {
  return (
    <p className="hint" role="note" aria-label="Mention relative au traitement algorithmique">
      {`Cette proposition a été établie sur le fondement d’un traitement algorithmique, qui a pour finalité de ${TREATMENT_PURPOSES[treatment]}. `}
      {'Il ne décide rien : les personnes concernées acceptent ou refusent. '}
      {'Vous avez le droit d’obtenir la communication des règles qui définissent ce traitement et des principales caractéristiques de sa mise en œuvre à votre égard (article L311-3-1 du code des relations entre le public et l’administration) : demandez-les à la Mission ESS, '}
      <a href={`mailto:${MISSION_ESS_CONTACT.email}`}>{MISSION_ESS_CONTACT.email}</a>
      {`. En cas de refus ou sans réponse dans un délai d’un mois, vous pouvez saisir la ${CADA.name}, `}
      <a href={CADA.url}>{CADA.label}</a>
      {'. Les règles sont publiées : '}
      <Link to={TRANSPARENCY_PATH}>{TRANSPARENCY_PAGE_TITLE}</Link>.
    </p>
  );
}
