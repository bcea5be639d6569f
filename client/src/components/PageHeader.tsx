interface PageHeaderProps {
  title: string;
  intro?: string;
}

/** The page's single `<h1>` and an optional lead paragraph. */
export function PageHeader({ title, intro }: PageHeaderProps) {
  return (
    <header className="page-header">
      <h1 className="page-header__title">{title}</h1>
      {intro ? <p className="page-header__intro">{intro}</p> : null}
    </header>
  );
}
