import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { PASSWORD, createUser, createWorld, signIn, signOut, sql, unique } from './fixtures/world';
import { must } from '../lib/must';

/** Uploads CSV text on the import page and waits for the check to finish. */
async function checkCsv(page: Page, name: string, csv: string) {
  await page.getByLabel('Upload the case sample (CSV)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Check the file' }).click();
}

async function countCases(inspectionId: string): Promise<number> {
  const [row] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE inspection_id = $1', [inspectionId]);
  return must(row, 'the count row').n;
}

/** Fills a GOV.UK date input by its legend. */
async function fillDate(page: Page, legend: string, day: string, month: string, year: string) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

const HEADER = 'reference,type,disposal,sentence_date,gender,rosh,safety_wellbeing,case_manager,inspector_email';

test.describe('setting up an inspection', () => {
  test('an admin creates a service and an inspection; the lead adds the team, imports the sample and allocates it', async ({ page }) => {
    const [admin, lead, ines, ivan, maya] = await Promise.all([
      createUser('admin', { isAdmin: true }),
      createUser('lead'),
      createUser('inspector'),
      createUser('inspector'),
      createUser('manager'),
    ]);
    const serviceName = `${unique('Eastmoor')} Youth Justice Service`;

    // The admin creates the service…
    await signIn(page, admin);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Manage users and services' }).click();
    await expect(page.getByRole('heading', { name: 'Users and services' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Services', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Services' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Create a service' }).click();
    await expect(page.getByRole('heading', { name: 'Create a service' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Create service' }).click();
    await expect(page.getByTestId('error-summary')).toContainText('Enter the service’s name');
    await expect(page.getByTestId('error-summary')).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByLabel('Name').fill(serviceName);
    await page.getByLabel('Local authority').fill('Eastmoor Borough Council');
    await page.getByLabel('Region').fill('North East');
    await page.getByRole('button', { name: 'Create service' }).click();
    await expect(page.getByTestId('notification-banner')).toContainText(`${serviceName} has been created.`);
    await expect(page.getByTestId('service-row').filter({ hasText: serviceName })).toContainText('Eastmoor Borough Council');
    await expectNoAxeViolations(page);

    // …and the inspection, naming the lead.
    await page.goto('/');
    await page.getByRole('link', { name: 'Create an inspection' }).click();
    await expect(page.getByRole('heading', { name: 'Create an inspection' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Service', { exact: true }).selectOption({ label: serviceName });
    await page.getByLabel('July 2021 standards').check();
    await fillDate(page, 'Fieldwork start date', '11', '1', '2027');
    await fillDate(page, 'Fieldwork end date', '8', '1', '2027');
    await page.getByLabel('Lead inspector’s email address').fill(lead.email);
    await page.getByLabel('2.1 Assessment').selectOption({ label: 'Requires improvement' });
    await page.getByLabel('Previous key-question percentages').fill('2.1.1=77\n2.1.2=54');
    await page.getByRole('button', { name: 'Create inspection' }).click();
    await expect(page.getByTestId('error-summary')).toContainText('Fieldwork end date must be the same as or after the start date');
    await expect(page.getByLabel('Lead inspector’s email address')).toHaveValue(lead.email);
    await expectNoAxeViolations(page);
    await fillDate(page, 'Fieldwork end date', '22', '1', '2027');
    await page.getByRole('button', { name: 'Create inspection' }).click();
    await expect(page.getByRole('heading', { name: 'Set up the inspection' })).toBeVisible();
    await expect(page.getByTestId('notification-banner')).toContainText('The inspection has been created.');
    const inspectionId = must(/\/inspections\/([0-9a-f-]{36})\/setup/.exec(page.url())?.[1], 'the inspection id in the URL');
    const [created] = await sql<{ status: string; previous_ratings: unknown; role: string }>(
      `SELECT i.status, i.previous_ratings, m.role FROM inspections i JOIN inspection_members m ON m.inspection_id = i.id WHERE i.id = $1`,
      [inspectionId],
    );
    expect(created).toEqual({ status: 'set_up', previous_ratings: { '2.1': 'requires_improvement' }, role: 'lead_inspector' });
    await signOut(page);

    // The lead finds the set-up from the inspection page and adds the team.
    await signIn(page, lead);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: serviceName }).click();
    await expect(page.getByRole('heading', { name: serviceName })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByTestId('inspection-links').getByRole('link', { name: 'Set up this inspection' }).click();
    await expect(page.getByRole('heading', { name: 'Set up the inspection' })).toBeVisible();
    await expectNoAxeViolations(page);
    const addToTeam = async (email: string, role: string) => {
      await page.getByLabel('Email address').fill(email);
      await page.getByRole('combobox', { name: 'Role', exact: true }).selectOption({ label: role });
      await page.getByRole('button', { name: 'Add to the team' }).click();
    };
    await addToTeam('nobody@e2e.example', 'Inspector');
    await expect(page.getByTestId('error-summary')).toContainText('No active user has the email address nobody@e2e.example');
    await expectNoAxeViolations(page);
    await addToTeam(ines.email, 'Inspector');
    await expect(page.getByTestId('notification-banner')).toContainText(`${ines.name} has been added to the team.`);
    await addToTeam(ivan.email, 'Inspector');
    await expect(page.getByTestId('notification-banner')).toContainText(`${ivan.name} has been added to the team.`);
    await addToTeam(maya.email, 'Manager (read-only)');
    await expect(page.getByTestId('notification-banner')).toContainText(`${maya.name} has been added to the team.`);
    await expect(page.getByTestId('team-row')).toHaveCount(4);
    await expectNoAxeViolations(page);

    // Import: the template, then a file with children's names, a file with bad rows, then a good one.
    await page.getByRole('link', { name: 'Import cases from a CSV file' }).click();
    await expect(page.getByRole('heading', { name: 'Import the case sample' })).toBeVisible();
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the template (CSV)' }).click(),
    ]);
    const template = readFileSync(await download.path(), 'utf8');
    expect(template.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(HEADER);

    await checkCsv(page, 'names.csv', 'reference,type,disposal,Child name\r\nNS-1,court,referral_order,Jayden Smith\r\n');
    await expect(page.getByTestId('error-summary')).toContainText('looks like it holds children’s names');
    await expect(page.getByRole('button', { name: /^Import \d+ case/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    const bad = [
      HEADER,
      `EM-001,court,referral_order,2026-09-14,Male,medium,high,CM-1,${ines.email}`,
      'EM-002,court,youth_caution,,,,,,',
      'EM-003,out_of_court,youth_conditional_caution,31/02/2026,,,,,',
      `EM-004,court,referral_order,,,,,,${maya.email}`,
      'EM-001,court,other_court,,,,,,',
    ].join('\r\n');
    await checkCsv(page, 'bad.csv', bad);
    const summary = page.getByTestId('error-summary');
    await expect(summary).toContainText('4 problems in bad.csv: nothing has been imported');
    await expect(summary).toContainText('Line 3, disposal: Youth caution is an out-of-court disposal, but the case type is court');
    await expect(summary).toContainText('Line 4, sentence_date: Sentence date “31/02/2026” is not a real date');
    await expect(summary).toContainText('Line 5, inspector_email:');
    await expect(summary).toContainText('Line 6, reference: Reference EM-001 appears more than once in the file (first on line 2)');
    await expect(page.getByTestId('import-row')).toHaveCount(5);
    await expect(page.getByTestId('import-row').first()).toContainText('OK');
    await expect(page.getByRole('button', { name: /^Import \d+ case/ })).toHaveCount(0);
    expect(await countCases(inspectionId)).toBe(0);
    await expectNoAxeViolations(page);

    const good = [
      HEADER,
      `EM-001,Court,Referral order,14/09/2026,Male,medium,high,CM-1,${ines.email}`,
      'EM-002,court,youth_rehabilitation_order,2026-08-01,Female,high,medium,CM-2,',
      'EM-003,Out of court,youth_conditional_caution,,,,,"Team A, north",',
      'EM-004,out_of_court,community_resolution,,,,,,',
      'EM-005,court,custodial_sentence,,,very_high,,,',
      'EM-006,resettlement,custodial_sentence,,,,,,',
    ].join('\r\n');
    await checkCsv(page, 'sample.csv', '\uFEFF' + good);
    await expect(page.getByTestId('import-ready')).toContainText('6 cases are ready to import');
    await expect(page.getByTestId('error-summary')).toHaveCount(0);
    await expectNoAxeViolations(page);
    expect(await countCases(inspectionId)).toBe(0);
    await page.getByRole('button', { name: 'Import 6 cases' }).click();
    await expect(page.getByRole('heading', { name: 'Set up the inspection' })).toBeVisible();
    await expect(page.getByTestId('notification-banner')).toContainText('6 cases have been imported.');
    expect(await countCases(inspectionId)).toBe(6);
    const [audit] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entries WHERE inspection_id = $1 AND action = 'case.import'`,
      [inspectionId],
    );
    expect(audit?.n).toBe(1);
    await expect(page.getByTestId('allocation-summary')).toContainText('6 cases in the sample; 5 not allocated');
    await expectNoAxeViolations(page);

    // Allocation: spread evenly, then one case by hand.
    await page.getByRole('button', { name: 'Spread unallocated cases evenly across the inspectors' }).click();
    await expect(page.getByTestId('notification-banner')).toContainText('5 cases have been spread across the inspectors.');
    await expect(page.getByTestId('allocation-summary')).toContainText('all allocated');
    const loads = await sql<{ inspector_id: string; n: number }>(
      'SELECT inspector_id, count(*)::int AS n FROM cases WHERE inspection_id = $1 GROUP BY inspector_id ORDER BY inspector_id',
      [inspectionId],
    );
    expect(loads.map((l) => l.n)).toEqual([3, 3]);
    expect(new Set(loads.map((l) => l.inspector_id))).toEqual(new Set([ines.id, ivan.id]));
    await expectNoAxeViolations(page);

    const row = page.locator('[data-testid="setup-case-row"][data-reference="EM-006"]');
    await row.getByRole('combobox', { name: 'Inspector for case EM-006' }).selectOption({ label: `${lead.name} (lead)` });
    await row.getByRole('button', { name: 'Allocate case EM-006' }).click();
    await expect(page.getByTestId('notification-banner')).toContainText(`Case EM-006 is allocated to ${lead.name}.`);

    // Bulk: allocate two selected cases to Ivan.
    await page.getByLabel('Select case EM-001').check();
    await page.getByLabel('Select case EM-002').check();
    await page.getByLabel('Allocate the selected cases to').selectOption({ label: ivan.name });
    await page.getByRole('button', { name: 'Allocate selected cases' }).click();
    await expect(page.getByTestId('notification-banner')).toContainText(`2 cases allocated to ${ivan.name}.`);

    // The allocation shows on the inspection's case list.
    await page.getByRole('link', { name: 'Back to the inspection' }).click();
    await expect(page.getByTestId('case-row')).toHaveCount(6);
    await expect(page.getByTestId('case-row').filter({ hasText: 'EM-006' })).toContainText(lead.name);
    await expect(page.getByTestId('case-row').filter({ hasText: 'EM-001' })).toContainText(ivan.name);
    await expect(page.getByTestId('case-row').filter({ hasText: 'EM-002' })).toContainText(ivan.name);
    await expect(page.getByTestId('case-row').filter({ hasText: 'Not allocated' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // Fieldwork starts.
    await page.getByTestId('inspection-links').getByRole('link', { name: 'Set up this inspection' }).click();
    await page.getByRole('button', { name: 'Start fieldwork' }).click();
    await expect(page.getByTestId('notification-banner')).toContainText('The inspection is now in fieldwork.');
    await expectNoAxeViolations(page);
  });

  test('a lead adds and edits a case by hand, and a case reference that looks like a name is refused', async ({ page }) => {
    const world = await createWorld({ status: 'set_up' });
    await signIn(page, world.lead);
    await page.goto(`/inspections/${world.inspectionId}/setup`);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Add a case' }).click();
    await expect(page.getByRole('heading', { name: 'Add a case' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Case reference').fill('Jayden Smith');
    await page.getByLabel('Court disposal', { exact: true }).check();
    await page.getByLabel('Disposal', { exact: true }).selectOption({ label: 'Referral order' });
    await page.getByRole('button', { name: 'Add case' }).click();
    await expect(page.getByTestId('error-summary')).toContainText('looks like a name');
    await expect(page.getByLabel('Case reference')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
    await page.getByLabel('Case reference').fill('C-003');
    await page.getByRole('button', { name: 'Add case' }).click();
    await expect(page.getByTestId('notification-banner')).toContainText('Case C-003 has been added.');

    await page.getByRole('link', { name: 'C-003' }).click();
    await expect(page.getByRole('heading', { name: 'Case C-003' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Gender (optional)').fill('Female');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('notification-banner')).toContainText('Case C-003 has been saved.');
    const [stored] = await sql<{ gender: string }>('SELECT gender FROM cases WHERE inspection_id = $1 AND reference = $2', [
      world.inspectionId,
      'C-003',
    ]);
    expect(stored?.gender).toBe('Female');

    await page.getByRole('link', { name: 'C-003' }).click();
    await page.getByRole('button', { name: 'Delete case C-003' }).click();
    await expect(page.getByTestId('notification-banner')).toContainText('The case has been deleted.');
    await expectNoAxeViolations(page);
    expect(await countCases(world.inspectionId)).toBe(2);
  });
});

test.describe('a set-up edit that meets someone else’s change', () => {
  test('is saved over a change to other things, and otherwise shows both: take theirs, or keep mine', async ({ page }) => {
    const world = await createWorld({ status: 'set_up' });
    const kase = world.cases[0]!;
    const editPage = `/inspections/${world.inspectionId}/setup/cases/${kase.id}`;
    const caseManager = async () =>
      (await sql<{ case_manager: string | null }>('SELECT case_manager FROM cases WHERE id = $1', [kase.id]))[0]?.case_manager;
    await signIn(page, world.lead);

    // Someone else's change to something this form does not hold (an inspector's case-level marking).
    await page.goto(editPage);
    await sql('UPDATE cases SET version = version + 1, agrees_with_rosh = true WHERE id = $1', [kase.id]);
    await page.getByLabel('Case manager (optional)').fill('CM-A');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('notification-banner')).toContainText(`Case ${kase.reference} has been saved.`);
    expect(await caseManager()).toBe('CM-A');

    // Both changed the case manager: both are shown, nothing is saved until the lead chooses.
    await page.goto(editPage);
    await sql(`UPDATE cases SET version = version + 1, case_manager = 'CM-THEIRS' WHERE id = $1`, [kase.id]);
    await page.getByLabel('Case manager (optional)').fill('CM-MINE');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const conflict = page.getByTestId('case-conflict');
    await expect(conflict).toContainText('changed this case since you opened the page');
    await expect(conflict.getByTestId('conflict-mine')).toHaveText('CM-MINE');
    await expect(conflict.getByTestId('conflict-theirs')).toHaveText('CM-THEIRS');
    await expect(conflict.getByRole('heading')).toBeFocused();
    expect(await caseManager()).toBe('CM-THEIRS');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Take theirs' }).click();
    await expect(conflict).toBeHidden();
    await expect(page.getByLabel('Case manager (optional)')).toHaveValue('CM-THEIRS');
    await page.getByLabel('Gender (optional)').fill('Female');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('notification-banner')).toContainText(`Case ${kase.reference} has been saved.`);
    expect(await sql('SELECT case_manager, gender FROM cases WHERE id = $1', [kase.id])).toEqual([
      { case_manager: 'CM-THEIRS', gender: 'Female' },
    ]);

    // Again, and this time the lead keeps their own.
    await page.goto(editPage);
    await sql(`UPDATE cases SET version = version + 1, case_manager = 'CM-OTHER' WHERE id = $1`, [kase.id]);
    await page.getByLabel('Case manager (optional)').fill('CM-MINE-AGAIN');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(conflict).toBeVisible();
    await page.getByRole('button', { name: 'Keep mine' }).click();
    await expect(page.getByTestId('notification-banner')).toContainText(`Case ${kase.reference} has been saved.`);
    expect(await caseManager()).toBe('CM-MINE-AGAIN');
    await expectNoAxeViolations(page);
  });
});

test.describe('admin of users', () => {
  test('an admin creates a user, resets their password and deactivates them; they can then no longer sign in', async ({
    page,
    browser,
  }) => {
    const admin = await createUser('admin', { isAdmin: true });
    const email = `${unique('newcomer')}@e2e.example`;
    await signIn(page, admin);
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Create a user' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Full name').fill('Nia Newcomer');
    await page.getByLabel('Initial password').fill('too-short');
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByTestId('error-summary')).toContainText('Password must be at least 12 characters');
    await expect(page.getByLabel('Email address')).toHaveValue(email);
    await expectNoAxeViolations(page);
    await page.getByLabel('Initial password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByTestId('notification-banner')).toContainText('Nia Newcomer’s account has been created.');
    const userUrl = page.url().replace(/\?.*$/, '');
    await expectNoAxeViolations(page);
    // An admin cannot deactivate themselves: the button is not offered on their own page.
    await signOut(page);

    // The newcomer stays signed in elsewhere while the admin resets the password.
    const elsewhere = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '10.7.0.9' } });
    const newcomer = await elsewhere.newPage();
    await signIn(newcomer, { email });
    await expect(newcomer.getByTestId('no-inspections')).toBeVisible();

    await signIn(page, admin);
    await page.goto(userUrl);
    await expectNoAxeViolations(page);
    await page.getByLabel('New password').fill('a-brand-new-password');
    await page.getByRole('button', { name: 'Reset password' }).click();
    await expect(page.getByTestId('notification-banner')).toContainText('The password has been reset.');
    await expectNoAxeViolations(page);
    await signOut(page);

    // The reset ended the session issued before it.
    await newcomer.reload();
    await expect(newcomer).toHaveURL(/\/sign-in/);
    await elsewhere.close();

    await signIn(page, { email }, 'a-brand-new-password');
    await signOut(page);

    await signIn(page, admin);
    await page.goto(userUrl);
    await page.getByRole('button', { name: 'Deactivate account' }).click();
    await expect(page.getByTestId('notification-banner')).toContainText('The account has been deactivated');
    await expect(page.getByRole('button', { name: 'Reactivate account' })).toBeVisible();
    await expectNoAxeViolations(page);
    const [row] = await sql<{ is_active: boolean }>('SELECT is_active FROM users WHERE email = $1', [email]);
    expect(row?.is_active).toBe(false);
    await page.goto('/admin/users');
    await expect(page.getByTestId('user-row').filter({ hasText: email })).toContainText('Deactivated');
    await expectNoAxeViolations(page);
    await signOut(page);

    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('a-brand-new-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('error-summary')).toContainText('Enter a correct email address and password');
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  });

  test('an admin cannot deactivate themselves or remove their own admin rights', async ({ page }) => {
    const admin = await createUser('admin', { isAdmin: true });
    await signIn(page, admin);
    await page.goto('/admin/users');
    await page.getByRole('link', { name: admin.name }).click();
    await expect(page.getByText('You cannot deactivate your own account.')).toBeVisible();
    await expect(page.getByText('You cannot remove your own admin rights.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Deactivate account' })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});

test.describe('who may set up', () => {
  test('inspectors and managers get not-found on set-up and admin pages, and see no set-up link', async ({ page }) => {
    const world = await createWorld({ status: 'set_up' });
    for (const user of [world.inspector, world.manager]) {
      await signIn(page, user);
      await page.goto(`/inspections/${world.inspectionId}`);
      await expect(page.getByRole('heading', { name: world.serviceName })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Set up this inspection' })).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Manage users and services' })).toHaveCount(0);
      await expectNoAxeViolations(page);
      for (const path of [
        `/inspections/${world.inspectionId}/setup`,
        `/inspections/${world.inspectionId}/setup/import`,
        `/inspections/${world.inspectionId}/setup/cases/new`,
        '/admin/users',
        '/admin/services',
        '/inspections/new',
      ]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
        await expectNoAxeViolations(page);
      }
      const template = await page.request.get(`/inspections/${world.inspectionId}/setup/import/template`);
      expect(template.status()).toBe(404);
      await signOut(page);
    }
  });
});
