import { Button, Heading, Link, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { KINDS, type Kind } from '../app/lib/labels';

/** Schemas and building blocks shared by the emails, written like magic-link.tsx. */

/** Only web links: the URL ends up in an href. */
export const webUrl = () => z.url({ protocol: /^https?$/ });

/**
 * One line of text (a title, a name, a reference). Whitespace runs, line breaks included, become one space: these
 * values also go into the subject, which must stay on one line.
 */
export const oneLine = (max = 200) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((value) => value.replace(/\s+/g, ' '));

export const recipientName = () => oneLine(200).optional();

export const kind = () => z.enum(KINDS);

/** What the kind is, in running text (« Type : stage d’observation de 3e »). */
export const kindPhrases: Record<Kind, string> = {
  COMPETENCE: 'mise à disposition de compétences',
  LIEU: 'occupation temporaire d’un lieu',
  STAGE: 'stage d’observation de 3e',
};

const MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
const FRENCH_DATE = new RegExp(`^(1er|[1-9]|[12]\\d|3[01]) (${MONTHS}) \\d{4}$`);

/**
 * A date already written in French, « 1er décembre 2026 » (formatDayFr). « 1 décembre 2026 », as Intl may write it,
 * is accepted and written « 1er ».
 */
export const frenchDate = () =>
  z
    .string()
    .trim()
    .regex(FRENCH_DATE, 'date attendue en toutes lettres, par exemple « 1er décembre 2026 »')
    .transform((value) => value.replace(/^1 /, '1er '));

export const plural = (count: number, singular: string, pluralForm = `${singular}s`) =>
  `${count} ${count > 1 ? pluralForm : singular}`;

const brand = '#00576b';

export function Title({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" style={{ fontSize: '22px' }}>
      {children}
    </Heading>
  );
}

export function Greeting({ name }: { name?: string }) {
  return <Text>{name ? `Bonjour ${name},` : 'Bonjour,'}</Text>;
}

/** The action as a button, then the same link as visible text for mail clients that hide buttons. */
export function Action({ href, children }: { href: string; children: ReactNode }) {
  return (
    <>
      <Section style={{ margin: '24px 0' }}>
        <Button
          href={href}
          style={{
            backgroundColor: brand,
            color: '#ffffff',
            padding: '12px 20px',
            borderRadius: '4px',
            fontWeight: 'bold',
          }}
        >
          {children}
        </Button>
      </Section>
      <Text>Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :</Text>
      <Text style={{ wordBreak: 'break-all' }}>
        <Link href={href}>{href}</Link>
      </Text>
    </>
  );
}

/** Labelled facts (« Référence : … »), as a list. */
export function Facts({ items }: { items: [label: string, value: ReactNode][] }) {
  return (
    <ul style={{ paddingLeft: '20px' }}>
      {items.map(([label, value]) => (
        <li key={label} style={{ margin: '4px 0' }}>
          {label} : <strong>{value}</strong>
        </li>
      ))}
    </ul>
  );
}
