'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { TextInput } from '@/components/ui/text-input';
import { ROLE_LABELS } from '@/lib/format/labels';
import { fieldError, IDLE_FORM_STATE, valueOf, type FormState } from '@/lib/forms/form-state';
import type { SetupMember } from '@/lib/data/setup';
import { addMemberAction, changeMemberRoleAction, removeMemberAction } from '@/lib/setup/actions';
import { useFeedback } from './feedback-scope';
import { FormFeedback } from './form-feedback';

const ROLE_OPTIONS = (['lead_inspector', 'inspector', 'manager', 'quality_assurer'] as const).map((r) => ({
  value: r,
  label: ROLE_LABELS[r],
}));

/** The team: add a member by email, change a member's role, remove a member. */
export function TeamManager({
  inspectionId,
  members,
  isReadOnly = false,
}: {
  inspectionId: string;
  members: SetupMember[];
  isReadOnly?: boolean;
}) {
  const [addState, addAction, isAdding] = useActionState<FormState<unknown>, FormData>(addMemberAction, IDLE_FORM_STATE);
  const [roleState, roleAction, isChangingRole] = useActionState<FormState<unknown>, FormData>(changeMemberRoleAction, IDLE_FORM_STATE);
  const [removeState, removeAction, isRemoving] = useActionState<FormState<unknown>, FormData>(removeMemberAction, IDLE_FORM_STATE);
  const add = useFeedback('team-add');
  const role = useFeedback('team-role');
  const remove = useFeedback('team-remove');
  const isPending = isAdding || isChangingRole || isRemoving;

  return (
    <>
      <FormFeedback state={roleState} isShown={role.isShown} fallbackId="team-heading" />
      <FormFeedback state={removeState} isShown={remove.isShown} fallbackId="team-heading" />
      <div className="mb-6 overflow-x-auto">
        <table className="w-full border-collapse text-left" data-testid="team-table">
          <caption className="sr-only">The inspection’s team</caption>
          <thead>
            <tr className="border-b-2 border-govuk-border">
              <th scope="col" className="py-2 pr-4">
                Name
              </th>
              <th scope="col" className="py-2 pr-4">
                Role
              </th>
              <th scope="col" className="py-2 pr-4">
                Cases
              </th>
              <th scope="col" className="py-2">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId} className="border-b border-govuk-border align-top" data-testid="team-row">
                <td className="py-2 pr-4">
                  {m.name}
                  <span className="block text-base break-all text-govuk-secondary">{m.email}</span>
                  {m.isActive ? null : <span className="block text-base font-bold">Account deactivated</span>}
                </td>
                <td className="py-2 pr-4">
                  {isReadOnly ? (
                    ROLE_LABELS[m.role]
                  ) : (
                    <form action={roleAction} onSubmit={role.onSubmit} className="flex flex-wrap items-end gap-2">
                      <input type="hidden" name="inspectionId" value={inspectionId} />
                      <input type="hidden" name="userId" value={m.userId} />
                      <Select
                        key={m.role}
                        id={`role-${m.userId}`}
                        name="role"
                        label={`Role of ${m.name}`}
                        isLabelHidden
                        wrapperClassName=""
                        defaultValue={m.role}
                        options={ROLE_OPTIONS}
                      />
                      <Button variant="secondary" disabled={isPending}>
                        Change role<span className="sr-only"> of {m.name}</span>
                      </Button>
                    </form>
                  )}
                </td>
                <td className="py-2 pr-4">{m.role === 'manager' || m.role === 'quality_assurer' ? '–' : m.allocated}</td>
                <td className="py-2">
                  {isReadOnly ? null : (
                    <form action={removeAction} onSubmit={remove.onSubmit}>
                      <input type="hidden" name="inspectionId" value={inspectionId} />
                      <input type="hidden" name="userId" value={m.userId} />
                      <Button variant="secondary" disabled={isPending}>
                        Remove<span className="sr-only"> {m.name} from the team</span>
                      </Button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {isReadOnly ? null : (
        <form
          action={addAction}
          onSubmit={add.onSubmit}
          noValidate
          className="border-l-4 border-govuk-border pl-4"
          aria-labelledby="add-member-heading"
        >
          <h3 id="add-member-heading" className="mb-3 text-xl font-bold">
            Add someone to the team
          </h3>
          <FormFeedback
            state={addState}
            isShown={add.isShown}
            fallbackId="member-email"
            fieldIds={{ email: 'member-email', role: 'member-role' }}
          />
          <input type="hidden" name="inspectionId" value={inspectionId} />
          <TextInput
            id="member-email"
            name="email"
            type="email"
            label="Email address"
            hint="They must already have a Casemark account."
            autoComplete="off"
            spellCheck={false}
            defaultValue={valueOf(addState, 'email')}
            error={add.isShown ? fieldError(addState, 'email') : undefined}
          />
          <Select
            id="member-role"
            name="role"
            label="Role"
            defaultValue={valueOf(addState, 'role', 'inspector')}
            options={ROLE_OPTIONS}
            error={add.isShown ? fieldError(addState, 'role') : undefined}
          />
          <Button disabled={isPending}>Add to the team</Button>
        </form>
      )}
    </>
  );
}
