import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/apiError.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Notice } from '../components/Notice.js';
import { PageHeading } from '../components/PageHeading.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';

interface LoginScreenProps {
  checking: boolean;
  error: unknown;
  expired: boolean;
  onSubmit: (token: string) => void;
}

/** Asks for the admin token when the page was not opened through the runtime's login link. */
export function LoginScreen({ checking, error, expired, onSubmit }: LoginScreenProps) {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const [missing, setMissing] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const missingId = useId();
  useDocumentTitle(t('login.title'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim();
    setMissing(!trimmed);
    if (trimmed) onSubmit(trimmed);
  };

  const rejected = error instanceof ApiError && error.status === 401;
  return (
    <div className="login">
      <div className="card login-card">
        <PageHeading>{t('login.title')}</PageHeading>
        <p className="muted" id={hintId}>
          {t('login.hint')}
        </p>
        {expired && <Notice tone="info">{t('login.expired')}</Notice>}
        {rejected && <Notice tone="error">{t('login.rejected')}</Notice>}
        {error && !rejected ? <ErrorNotice error={error} /> : null}
        <form className="form" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={inputId}>{t('login.tokenLabel')}</label>
            <input
              id={inputId}
              type="password"
              autoComplete="off"
              spellCheck={false}
              required
              aria-describedby={missing ? `${hintId} ${missingId}` : hintId}
              aria-invalid={missing ? true : undefined}
              value={token}
              onChange={(event) => {
                setToken(event.target.value);
                setMissing(false);
              }}
            />
            {missing && (
              <p className="field-error" id={missingId}>
                {t('login.tokenMissing')}
              </p>
            )}
          </div>
          <button type="submit" className="button button-primary" disabled={checking}>
            {checking ? t('login.checking') : t('login.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
