'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { TextInput } from '@/components/ui/text-input';
import { fieldError, IDLE_FORM_STATE, valueOf, type FormState } from '@/lib/forms/form-state';
import { createServiceAction, updateServiceAction } from '@/lib/admin/service-actions';

interface ServiceValues {
  id: string;
  name: string;
  localAuthority: string;
  region: string;
}

/** Creates a service, or edits one when `service` is given. */
export function ServiceForm({ service }: { service?: ServiceValues }) {
  const [state, formAction, isPending] = useActionState<FormState<unknown>, FormData>(
    service ? updateServiceAction : createServiceAction,
    IDLE_FORM_STATE,
  );
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <FormErrorSummary state={state} fallbackId="name" />
      {service ? <input type="hidden" name="serviceId" value={service.id} /> : null}
      <TextInput
        id="name"
        name="name"
        label="Name"
        hint="For example, Northshire Youth Justice Service"
        defaultValue={valueOf(state, 'name', service?.name)}
        error={fieldError(state, 'name')}
      />
      <TextInput
        id="localAuthority"
        name="localAuthority"
        label="Local authority"
        defaultValue={valueOf(state, 'localAuthority', service?.localAuthority)}
        error={fieldError(state, 'localAuthority')}
      />
      <TextInput
        id="region"
        name="region"
        label="Region"
        hint="For example, North West"
        defaultValue={valueOf(state, 'region', service?.region)}
        error={fieldError(state, 'region')}
        className="max-w-xs"
      />
      <Button disabled={isPending}>{service ? 'Save changes' : 'Create service'}</Button>
    </form>
  );
}
