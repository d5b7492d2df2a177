/** A titled panel of the overview: plain markup, so the first page does not carry Ant Design's Card and Tabs. */
import { type ReactNode, useId } from 'react';

export function DashCard({
  title,
  extra,
  className,
  children,
}: {
  title: string;
  extra?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={`dash-card ${className ?? ''}`} aria-labelledby={id}>
      <header className="dash-card__head">
        <h2 className="dash-card__title" id={id}>
          {title}
        </h2>
        {extra}
      </header>
      <div className="dash-card__body">{children}</div>
    </section>
  );
}
