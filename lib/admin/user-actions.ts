'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runFormAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { createUserAsAdmin, resetPassword, setUserActive, setUserAdmin } from '@/lib/admin/users';
import { toFormState, type FormState } from '@/lib/forms/form-state';

// Each action is a public endpoint: lib/admin/* refuses anyone who is not an admin, in its
// transaction. Passwords are never sent back to the form.

export async function createUserAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) =>
    createUserAsAdmin(prisma, user, { ...values, isAdmin: values.isAdmin === 'true' }),
  );
  if (response.ok) {
    revalidatePath('/admin', 'layout');
    redirect(`/admin/users/${response.data.id}?created=1`);
  }
  return toFormState(response, { ...values, password: '' }, () => '');
}

export async function resetPasswordAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => resetPassword(prisma, user, values));
  return toFormState(
    response,
    { ...values, password: '' },
    () => 'The password has been reset. Tell the user their new password in a secure way.',
  );
}

export async function setUserActiveAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => setUserActive(prisma, user, values));
  revalidatePath('/admin', 'layout');
  return toFormState(response, values, () =>
    values.isActive === 'true'
      ? 'The account has been reactivated: they can sign in again.'
      : 'The account has been deactivated: they can no longer sign in.',
  );
}

export async function setUserAdminAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => setUserAdmin(prisma, user, values));
  revalidatePath('/admin', 'layout');
  return toFormState(response, values, () => (values.isAdmin === 'true' ? 'They are now an admin.' : 'They are no longer an admin.'));
}
