import { render, toPlainText } from '@react-email/render';
import { describe, expect, it } from 'vitest';
import { AppError } from '../app/.server/errors';
import { renderEmail } from './index';
import { EmailLayout } from './layout';

const url = 'https://passerelles.gard.fr/connexion/verifier?token=aZ_09-xY&suite=%2Fmes-offres';

describe('magic-link email', () => {
  it('has the French subject, the link in both parts and the rules of the link', async () => {
    const email = await renderEmail('magic-link', { url, expiresInMinutes: 15 });

    expect(email.subject).toBe('Votre lien de connexion à Passerelles');
    expect(email.html).toContain('lang="fr"');
    // Once as the button, once as the visible fallback link; & is escaped in attributes.
    expect(email.html.split(`href="${url.replace('&', '&amp;')}"`)).toHaveLength(3);
    expect(email.text).toContain(url);
    for (const sentence of [
      'Passerelles — Département du Gard',
      'Ce lien est valable 15 minutes et ne peut servir qu’une seule fois.',
      'Si vous n’avez rien demandé, ignorez ce message',
      'Vous recevez ce message parce qu’une connexion à Passerelles a été demandée avec votre adresse e-mail.',
    ]) {
      expect(email.text).toContain(sentence);
    }
  });

  it('keeps the hidden preview out of the plain-text part', async () => {
    const email = await renderEmail('magic-link', { url, expiresInMinutes: 15 });
    expect(email.html).toContain('Connectez-vous à Passerelles : lien valable 15 minutes.');
    expect(email.text).not.toContain('Connectez-vous à Passerelles');
  });

  it('writes "1 minute" in the singular', async () => {
    const email = await renderEmail('magic-link', { url, expiresInMinutes: 1 });
    expect(email.text).toContain('valable 1 minute et');
  });

  it.each([
    ['a URL that is not one', { url: 'pas une adresse', expiresInMinutes: 15 }, 'url'],
    ['a non-web URL', { url: 'javascript:alert(1)', expiresInMinutes: 15 }, 'url'],
    ['a zero duration', { url, expiresInMinutes: 0 }, 'expiresInMinutes'],
    ['a fractional duration', { url, expiresInMinutes: 2.5 }, 'expiresInMinutes'],
  ])('rejects %s', async (_case, props, field) => {
    const rendering = renderEmail('magic-link', props);
    await expect(rendering).rejects.toBeInstanceOf(AppError);
    await expect(rendering).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining(field) });
  });

  it('rejects props of the wrong shape from untyped callers', async () => {
    // @ts-expect-error the registry types the props of each template
    await expect(renderEmail('magic-link', { url })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('EmailLayout', () => {
  it('frames any content with the Passerelles header and the reason in the footer', async () => {
    const html = await render(
      <EmailLayout preview="Aperçu" reason="Vous recevez ce message parce que vous êtes référent·e.">
        <p>Contenu du message</p>
      </EmailLayout>,
    );
    const text = toPlainText(html);
    const header = text.indexOf('Passerelles — Département du Gard');
    const content = text.indexOf('Contenu du message');
    const footer = text.indexOf('Vous recevez ce message parce que vous êtes référent·e.');
    expect(header).toBeGreaterThanOrEqual(0);
    expect(content).toBeGreaterThan(header);
    expect(footer).toBeGreaterThan(content);
  });
});
