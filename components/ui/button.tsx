import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'warning';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-govuk-success text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]',
  secondary: 'bg-govuk-light-grey text-govuk-text shadow-[0_2px_0_#929191] hover:bg-[#dbdad9]',
  warning: 'bg-govuk-error text-white shadow-[0_2px_0_#55150b] hover:bg-[#aa2a16]',
};

export function buttonClasses(variant: Variant = 'primary'): string {
  return `inline-block cursor-pointer px-3 py-2 text-lg font-normal no-underline disabled:cursor-not-allowed disabled:opacity-50 focus-visible:bg-govuk-focus! focus-visible:text-govuk-text! focus-visible:shadow-[0_2px_0_#0b0c0c]! ${VARIANTS[variant]}`;
}

export function Button({ variant = 'primary', className = '', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type="submit" {...props} className={`${buttonClasses(variant)} ${className}`} />;
}
