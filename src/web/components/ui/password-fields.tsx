import { useTranslation } from 'react-i18next';
import { TextField } from './field';

/**
 * A new password and its repetition, as every page that sets a password asks for them. The form
 * compares the two (see passwordsDiffer) and passes the result as `mismatch`.
 */
export function NewPasswordFields({
  label,
  name = 'password',
  repeatName = 'password2',
  mismatch,
}: {
  label?: string;
  name?: string;
  repeatName?: string;
  mismatch: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={label ?? t('common.password')}
        name={name}
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        hint={t('common.passwordHint')}
      />
      <TextField
        label={t('common.passwordRepeat')}
        name={repeatName}
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        error={mismatch ? t('errors.passwordMismatch') : null}
      />
    </>
  );
}

/** True when the two password fields of a submitted form differ. */
export const passwordsDiffer = (fd: FormData, name = 'password', repeatName = 'password2') =>
  String(fd.get(name) ?? '') !== String(fd.get(repeatName) ?? '');
