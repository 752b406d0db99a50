'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { TextInput } from '@/components/ui/text-input';
import { fieldError, IDLE_FORM_STATE, valueOf, type FormState } from '@/lib/forms/form-state';
import { createUserAction } from '@/lib/admin/user-actions';

export function CreateUserForm() {
  const [state, formAction, isPending] = useActionState<FormState<unknown>, FormData>(createUserAction, IDLE_FORM_STATE);
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <FormErrorSummary state={state} fallbackId="email" />
      <TextInput
        id="email"
        name="email"
        type="email"
        label="Email address"
        autoComplete="off"
        spellCheck={false}
        defaultValue={valueOf(state, 'email')}
        error={fieldError(state, 'email')}
      />
      <TextInput
        id="name"
        name="name"
        label="Full name"
        autoComplete="off"
        spellCheck={false}
        defaultValue={valueOf(state, 'name')}
        error={fieldError(state, 'name')}
      />
      <TextInput
        id="password"
        name="password"
        type="password"
        label="Initial password"
        hint="At least 12 characters. Tell the user their password in a secure way."
        autoComplete="new-password"
        error={fieldError(state, 'password')}
      />
      <Checkbox
        id="isAdmin"
        name="isAdmin"
        value="true"
        className="mb-6"
        label="Make this user an admin"
        hint="Admins see every inspection and manage users and services."
        defaultChecked={valueOf(state, 'isAdmin') === 'true'}
      />
      <Button disabled={isPending}>Create user</Button>
    </form>
  );
}
