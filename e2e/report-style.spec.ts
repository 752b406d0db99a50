import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { createWorld, signIn } from './fixtures/world';

test.describe('how the report prints', () => {
  test('the lead ticks "Fieldwork month only" and "Serial comma" in the details, and set-up prints the month', async ({ page }) => {
    const world = await createWorld({ framework: '2021', status: 'fieldwork' });
    await signIn(page, world.lead);
    await page.goto(`/inspections/${world.inspectionId}/setup`);
    await expect(page.getByText('16 November 2026 to 27 November 2026')).toBeVisible();
    await page.getByRole('link', { name: 'Change how the report prints fieldwork and lists' }).click();

    const style = page.getByRole('group', { name: 'How the report prints' });
    await expect(style.getByText('The report gives only the month of fieldwork, e.g. April 2019')).toBeVisible();
    await expectNoAxeViolations(page);
    await style.getByLabel('Fieldwork month only').check();
    await style.getByLabel('Serial comma').check();
    await page.getByRole('button', { name: 'Save details' }).click();

    await expect(page.getByText('Month of fieldwork only; a comma before ‘and’ in lists')).toBeVisible();
    await expect(page.getByText('November 2026', { exact: true })).toBeVisible();
    await expect(page.getByText('16 November 2026')).toHaveCount(0);
  });
});
