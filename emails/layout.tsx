import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

export interface EmailLayoutProps {
  /** Shown by mail clients next to the subject, before the message is opened. */
  preview: string;
  /** Why this person receives the email, as a full sentence ("Vous recevez ce message parce que…"). */
  reason: string;
  children: ReactNode;
}

const colors = { ink: '#1f2933', muted: '#52606d', brand: '#00576b', rule: '#d9e2ec', page: '#f5f7fa' };

export function EmailLayout({ preview, reason, children }: EmailLayoutProps) {
  return (
    <Html lang="fr" dir="ltr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.page, color: colors.ink, fontFamily: 'Arial, Helvetica, sans-serif' }}>
        <Container style={{ maxWidth: '560px', margin: '0 auto', padding: '24px', backgroundColor: '#ffffff' }}>
          <Section>
            <Text style={{ margin: 0, fontSize: '18px', fontWeight: 'bold', color: colors.brand }}>
              Passerelles — Département du Gard
            </Text>
          </Section>
          <Hr style={{ borderColor: colors.rule }} />
          {children}
          <Hr style={{ borderColor: colors.rule }} />
          <Section>
            <Text style={{ fontSize: '12px', lineHeight: '18px', color: colors.muted }}>
              {reason}
            </Text>
            <Text style={{ fontSize: '12px', lineHeight: '18px', color: colors.muted }}>
              Passerelles est la plateforme du Département du Gard qui met en relation les acteurs de l’économie sociale
              et solidaire, les services du Département et les collèges. Ce message a été envoyé automatiquement.
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
