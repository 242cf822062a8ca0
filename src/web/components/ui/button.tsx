import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'tertiary';
  small?: boolean;
  icon?: string;
  busy?: boolean;
  children: ReactNode;
};

export function Button({
  variant = 'primary',
  small,
  icon,
  busy,
  children,
  className,
  type,
  ...rest
}: Props) {
  return (
    <button
      type={type ?? 'button'}
      className={`kern-btn kern-btn--${variant}${small ? ' kern-btn--x-small' : ''}${className ? ` ${className}` : ''}`}
      aria-busy={busy || undefined}
      disabled={rest.disabled || busy}
      {...rest}
    >
      {icon ? <span className={`kern-icon kern-icon--${icon}`} aria-hidden="true" /> : null}
      <span className="kern-label">{children}</span>
    </button>
  );
}
