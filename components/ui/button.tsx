import type { ButtonHTMLAttributes } from 'react';

const VARIANTS = {
  primary: 'bg-accent text-accent-fg hover:opacity-90',
  secondary: 'border border-border bg-surface hover:bg-bg',
  danger: 'bg-danger text-white hover:opacity-90',
  ghost: 'border border-border hover:bg-bg',
} as const;

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS };

/**
 * A button that looks like one and keeps its label on one line; on a phone it is at least 44 px tall
 * (a thumb's tap target).
 */
export function Button({ variant = 'primary', className = '', type = 'button', ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center gap-1 whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium max-sm:min-h-11 focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-50 ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
