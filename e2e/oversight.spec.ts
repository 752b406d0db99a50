import { randomUUID } from 'node:crypto';
import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { createUser, createWorld, signIn, signOut, sql, unique } from './fixtures/world';

/**
 * Issue 23, a service over time and the summary's filters: the lead sets the publication date
 * and chooses the previous inspection from Casemark's own list on the details form; the manager
 * then narrows /summary by service, local authority, overall rating and publication date.
 */
test('the lead dates the report and links the previous inspection; the manager filters the summary by them', async ({ page }) => {
  const world = await createWorld({ framework: '2021', status: 'set_up' });
  // The service's earlier inspection, published, which the manager also oversaw.
  const earlierId = randomUUID();
  await sql(
    `INSERT INTO inspections (id, service_id, framework, fieldwork_start, fieldwork_end, status, published_on, updated_at)
     SELECT $1, service_id, '2021', '2023-03-06', '2023-03-10', 'published', '2023-06-01', now() FROM inspections WHERE id = $2`,
    [earlierId, world.inspectionId],
  );
  // Another service's published inspection, in its own local authority, under the same manager.
  const other = await createWorld({ framework: '2021', status: 'published' });
  const authority = unique('Authority');
  await sql(`UPDATE services SET local_authority = $2 WHERE id = (SELECT service_id FROM inspections WHERE id = $1)`, [
    other.inspectionId,
    authority,
  ]);
  await sql(`INSERT INTO inspection_members (inspection_id, user_id, role) VALUES ($1, $3, 'manager'), ($2, $3, 'manager')`, [
    earlierId,
    other.inspectionId,
    world.manager.id,
  ]);

  await signIn(page, world.lead);
  await page.goto(`/inspections/${world.inspectionId}/setup/details`);
  const published = page.getByRole('group', { name: 'Publication date (optional)' });
  await published.getByLabel('Day').fill('14');
  await published.getByLabel('Month').fill('2');
  await published.getByLabel('Year').fill('2027');
  const previous = page.getByLabel('Previous inspection in Casemark');
  await expect(previous.locator('option')).toHaveText([
    'Not in Casemark (type its results below)',
    /^6 March 2023 to 10 March 2023 · July 2021 standards · /,
  ]);
  await previous.selectOption(earlierId);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('The inspection’s details have been saved.')).toBeVisible();
  const [stored] = await sql<{ published_on: string; previous_inspection_id: string }>(
    `SELECT to_char(published_on, 'YYYY-MM-DD') AS published_on, previous_inspection_id FROM inspections WHERE id = $1`,
    [world.inspectionId],
  );
  expect(stored).toEqual({ published_on: '2027-02-14', previous_inspection_id: earlierId });
  await signOut(page);

  await signIn(page, world.manager);
  await page.goto('/summary');
  const rows = page.getByTestId('summary-row');
  const shown = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-inspection-id')).sort());
  const apply = () => page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(rows).toHaveCount(3);

  await page.getByLabel('Service', { exact: true }).selectOption(world.serviceName);
  await apply();
  await expect(rows).toHaveCount(2);
  expect(await shown()).toEqual([world.inspectionId, earlierId].sort());

  await page.goto('/summary');
  await page.getByLabel('Local authority').selectOption(authority);
  await apply();
  await expect(rows).toHaveCount(1);
  expect(await shown()).toEqual([other.inspectionId]);

  await page.goto('/summary');
  await page.getByLabel('Overall rating').selectOption('outstanding');
  await apply();
  await expect(page.getByText('No inspections match these filters.')).toBeVisible();
  await page.getByLabel('Overall rating').selectOption('not_rated');
  await apply();
  await expect(rows).toHaveCount(3);

  // Published from 1 January 2027: only the report dated on the details form above.
  await page.goto('/summary');
  const from = page.getByRole('group', { name: 'Published from' });
  await from.getByLabel('Day').fill('1');
  await from.getByLabel('Month').fill('1');
  await from.getByLabel('Year').fill('2027');
  await apply();
  await expect(rows).toHaveCount(1);
  expect(await shown()).toEqual([world.inspectionId]);
  await expectNoAxeViolations(page);
});

/**
 * Issue 23, a service over time, when an inspection is created: the previous inspections offered
 * are the service's published ones that started before the fieldwork start typed.
 */
test('creating an inspection offers only the service’s published inspections that started before the fieldwork typed', async ({ page }) => {
  const world = await createWorld({ framework: '2021', status: 'published' });
  await sql(`UPDATE inspections SET fieldwork_start = '2019-04-01', fieldwork_end = '2019-04-05' WHERE id = $1`, [world.inspectionId]);
  const laterId = randomUUID();
  await sql(
    `INSERT INTO inspections (id, service_id, framework, fieldwork_start, fieldwork_end, status, updated_at)
     SELECT $1, service_id, '2021', '2023-03-06', '2023-03-10', 'published', now() FROM inspections WHERE id = $2`,
    [laterId, world.inspectionId],
  );
  const admin = await createUser('admin', { isAdmin: true });

  await signIn(page, admin);
  await page.goto('/inspections/new');
  await page.getByLabel('Service', { exact: true }).selectOption({ label: world.serviceName });
  await page.getByLabel('July 2021 standards').check();
  const previous = page.getByLabel('Previous inspection in Casemark');
  const start = page.getByRole('group', { name: 'Fieldwork start date' });
  // Nothing typed yet: every published inspection of the service, newest first.
  await expect(previous.locator('option')).toHaveText([
    'Not in Casemark (type its results below)',
    /^6 March 2023 to 10 March 2023 · /,
    /^1 April 2019 to 5 April 2019 · /,
  ]);
  await start.getByLabel('Day').fill('1');
  await start.getByLabel('Month').fill('1');
  await start.getByLabel('Year').fill('2022');
  await expect(previous.locator('option')).toHaveText(['Not in Casemark (type its results below)', /^1 April 2019 to 5 April 2019 · /]);
  await start.getByLabel('Year').fill('2019');
  await expect(previous.locator('option')).toHaveText(['Not in Casemark (type its results below)']);
  await expect(page.getByText('Casemark holds no earlier published inspection of this service.')).toBeVisible();
  await start.getByLabel('Year').fill('2024');
  await expect(previous.locator('option')).toHaveCount(3);
  await expectNoAxeViolations(page);
});
