'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { createUserAsAdmin, resetPassword, setUserActive, setUserAdmin } from '@/lib/admin/users';
import { formDataToObject, toFormState, type FormState } from '@/lib/forms/form-state';

// Each action is a public endpoint: lib/admin/* refuses anyone who is not an admin, in its
// transaction. Passwords are never sent back to the form.

export async function createUserAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const input = { ...values, isAdmin: values.isAdmin === 'true' };
  const response = await runAction((user) => createUserAsAdmin(prisma, user, input));
  if (response.ok) {
    revalidatePath('/admin', 'layout');
    redirect(`/admin/users/${response.data.id}?created=1`);
  }
  return toFormState(response, { ...values, password: '' }, () => '');
}

export async function resetPasswordAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => resetPassword(prisma, user, values));
  return toFormState(response, { ...values, password: '' }, () => 'The password has been reset. Tell the user their new password in a secure way.');
}

export async function setUserActiveAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => setUserActive(prisma, user, values));
  revalidatePath('/admin', 'layout');
  return toFormState(response, values, () =>
    values.isActive === 'true' ? 'The account has been reactivated: they can sign in again.' : 'The account has been deactivated: they can no longer sign in.',
  );
}

export async function setUserAdminAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => setUserAdmin(prisma, user, values));
  revalidatePath('/admin', 'layout');
  return toFormState(response, values, () => (values.isAdmin === 'true' ? 'They are now an admin.' : 'They are no longer an admin.'));
}
