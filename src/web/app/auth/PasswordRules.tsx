import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { PASSWORD_MIN_LENGTH } from '../../../domain/passwords';
import { useT } from '../i18n';

/** The character kinds counted by checkPasswordStrength (src/domain/passwords.ts), which has the last word. */
const KINDS = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

/** The rules of a new password, ticked off while the user types, so that nobody learns them by failing. */
export function PasswordRules({ password, username }: { password: string; username: string }) {
  const t = useT();
  const rules = [
    {
      key: 'length',
      text: t.auth.ruleLength(PASSWORD_MIN_LENGTH),
      met: password.length >= PASSWORD_MIN_LENGTH,
    },
    { key: 'kinds', text: t.auth.ruleClasses, met: KINDS.filter((kind) => kind.test(password)).length >= 2 },
    {
      key: 'username',
      text: t.auth.ruleUsername,
      met: password.length > 0 && !password.toLowerCase().includes(username.toLowerCase()),
    },
  ];
  return (
    <div className="password-rules">
      <p className="password-rules__title">{t.auth.rulesTitle}</p>
      <ul>
        {rules.map((rule) => (
          <li key={rule.key} className={rule.met ? 'password-rules__met' : undefined}>
            {rule.met ? <CheckCircleFilled aria-hidden /> : <MinusCircleOutlined aria-hidden />}
            <span>
              {rule.text}
              <span className="sr-only"> ({rule.met ? t.auth.ruleMet : t.auth.ruleUnmet})</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
