import { describe, expect, it } from 'vitest';
import { isOfflinePage, pageOwner, staticAssetsOf } from './page-cache';

describe('offline pages', () => {
  it('keeps the home page, the inspection, task list, standard and check-your-answers pages only', () => {
    expect(isOfflinePage('/')).toBe(true);
    expect(isOfflinePage('/inspections/i1')).toBe(true);
    expect(isOfflinePage('/inspections/i1/cases/c1')).toBe(true);
    expect(isOfflinePage('/inspections/i1/cases/c1/standards/2.1')).toBe(true);
    expect(isOfflinePage('/inspections/i1/cases/c1/check')).toBe(true);
    expect(isOfflinePage('/inspections/i1/panel')).toBe(false);
    expect(isOfflinePage('/inspections/i1/exports')).toBe(false);
    expect(isOfflinePage('/admin')).toBe(false);
    expect(isOfflinePage('/inspections')).toBe(false);
    expect(isOfflinePage('/sign-in')).toBe(false);
  });

  it('reads whose page it is from the page itself, and nobody’s for a signed-out page', () => {
    expect(pageOwner('<body data-casemark-user="0b8e6f4e-4a9e-4c41-9a4a-3e3c1f0f7a21" class="x">')).toBe(
      '0b8e6f4e-4a9e-4c41-9a4a-3e3c1f0f7a21',
    );
    expect(pageOwner('<body class="x">')).toBeNull();
    expect(pageOwner('<body data-casemark-user="../../evil">')).toBeNull();
  });

  it('lists the framework files a page loads, once each', () => {
    const html =
      '<script src="/_next/static/chunks/a.js"></script><link href="/_next/static/css/b.css"/><script src="/_next/static/chunks/a.js"></script>';
    expect(staticAssetsOf(html)).toEqual(['/_next/static/chunks/a.js', '/_next/static/css/b.css']);
  });
});
