import { describe, expect, it } from 'vitest';
import { DEFAULT_SUMMARY_FILTERS, parseSummaryFilters, summaryFilterWhere, summaryQueryString } from './filters';

const parse = (query: string) => parseSummaryFilters(new URLSearchParams(query));

describe('parseSummaryFilters', () => {
  it('has no filters and sorts by fieldwork, newest first, by default', () => {
    expect(parse('')).toEqual({ filters: DEFAULT_SUMMARY_FILTERS, errors: {} });
  });

  it('reads every filter and the sort', () => {
    const { filters, errors } = parse('framework=2021&from=2026-01-05&to=2026-12-31&region=North+West&status=published&sort=score&dir=asc');
    expect(errors).toEqual({});
    expect(filters).toEqual({
      framework: '2021',
      from: '2026-01-05',
      to: '2026-12-31',
      region: 'North West',
      status: 'published',
      sort: 'score',
      dir: 'asc',
    });
  });

  it('reads the GOV.UK date input parts and writes them back canonically', () => {
    const { filters } = parse('from%5Bday%5D=5&from%5Bmonth%5D=1&from%5Byear%5D=2026');
    expect(filters.from).toBe('2026-01-05');
    expect(summaryQueryString(filters)).toBe('from=2026-01-05');
  });

  it('refuses a region holding a NUL character, which PostgreSQL cannot compare', () => {
    const { filters, errors } = parse('region=North%00West');
    expect(filters.region).toBeNull();
    expect(errors.region).toMatch(/region/);
  });

  it('reports bad values and ignores them rather than guessing', () => {
    const { filters, errors } = parse(
      'framework=2019&status=draft&sort=evil&from=2026-02-30&to%5Bday%5D=x&to%5Bmonth%5D=1&to%5Byear%5D=2026',
    );
    expect(filters.framework).toBeNull();
    expect(filters.status).toBeNull();
    expect(filters.sort).toBe('fieldwork');
    expect(filters.from).toBeNull();
    expect(filters.to).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['framework', 'from', 'sort', 'status', 'to']);
  });

  it('refuses a "from" date after the "to" date, and drops both', () => {
    const { filters, errors } = parse('from=2026-06-01&to=2026-05-01');
    expect(errors.to).toMatch(/after the “from” date/);
    expect(filters.from).toBeNull();
    expect(filters.to).toBeNull();
  });

  it('keeps the sort in the query string only when it is not the default', () => {
    expect(summaryQueryString({ ...DEFAULT_SUMMARY_FILTERS, region: 'Midlands' })).toBe('region=Midlands');
    expect(summaryQueryString({ ...DEFAULT_SUMMARY_FILTERS, sort: 'service', dir: 'asc' }, { format: 'csv' })).toBe(
      'sort=service&dir=asc&format=csv',
    );
  });
});

describe('summaryFilterWhere', () => {
  it('is empty without filters and narrows by each filter otherwise', () => {
    expect(summaryFilterWhere(DEFAULT_SUMMARY_FILTERS)).toEqual({});
    expect(
      summaryFilterWhere({
        ...DEFAULT_SUMMARY_FILTERS,
        framework: '2018',
        region: 'North',
        status: 'panel',
        from: '2026-01-01',
        to: '2026-02-01',
      }),
    ).toEqual({
      AND: [
        { framework: 'v2018' },
        { status: 'panel' },
        { service: { region: 'North' } },
        { fieldworkStart: { gte: new Date('2026-01-01T00:00:00Z') } },
        { fieldworkStart: { lte: new Date('2026-02-01T00:00:00Z') } },
      ],
    });
  });
});
