import { Segmented } from 'antd';
import { LANGUAGES, type Language, useI18n } from './i18n';

/** VI | EN, in the header of the shell and on the login page. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t.app.language}
      value={language}
      onChange={setLanguage}
      options={LANGUAGES.map((value) => ({
        value,
        label: <span title={value === 'vi' ? 'Tiếng Việt' : 'English'}>{value.toUpperCase()}</span>,
      }))}
    />
  );
}
