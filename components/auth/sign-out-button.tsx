import { signOutAction } from '@/app/sign-in/actions';

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="cursor-pointer text-white underline underline-offset-2 hover:decoration-2 focus-visible:text-govuk-text">
        Sign out
      </button>
    </form>
  );
}
