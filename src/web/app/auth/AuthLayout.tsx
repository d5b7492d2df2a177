import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { LanguageSwitch } from '../LanguageSwitch';
import './auth.css';

/** The frame of the pages outside the shell: the product's name, one card, the language switch. */
export function AuthLayout({
  title,
  intro,
  footer,
  children,
}: {
  title: string;
  intro?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="auth-page">
      <div className="auth-page__language">
        <LanguageSwitch />
      </div>
      <main className="auth-card">
        <div className="auth-card__brand">
          <span className="app-logo">ANTQ</span>
          <span className="auth-card__product">{t.app.tagline}</span>
        </div>
        <h1 className="auth-card__title">{title}</h1>
        {intro && <div className="auth-card__intro muted">{intro}</div>}
        {children}
        {footer && <div className="auth-card__footer muted">{footer}</div>}
      </main>
    </div>
  );
}
