import { describe, expect, it } from 'vitest';
import { DEFAULT_SUMMARY_FILTERS, matchesSummaryFilters, parseSummaryFilters, summaryFilterWhere, summaryQueryString } from './filters';

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
      service: null,
      localAuthority: null,
      overall: null,
      publishedFrom: null,
      publishedTo: null,
      status: 'published',
      sort: 'score',
      dir: 'asc',
    });
  });

  it('reads the service, local authority, overall rating and publication dates, and writes them back', () => {
    const query = 'service=Wigan+YOT&authority=Wigan&overall=requires_improvement&publishedFrom=2021-08-01&publishedTo=2021-12-31';
    const { filters, errors } = parse(query);
    expect(errors).toEqual({});
    expect(filters).toMatchObject({
      service: 'Wigan YOT',
      localAuthority: 'Wigan',
      overall: 'requires_improvement',
      publishedFrom: '2021-08-01',
      publishedTo: '2021-12-31',
    });
    expect(summaryQueryString(filters)).toBe(query);
    expect(parse('publishedFrom%5Bday%5D=1&publishedFrom%5Bmonth%5D=9&publishedFrom%5Byear%5D=2021').filters.publishedFrom).toBe(
      '2021-09-01',
    );
    expect(parse('overall=not_rated').filters.overall).toBe('not_rated');
  });

  it('reports a bad overall rating or publication date, and a "published from" after "published to" drops both', () => {
    const bad = parse('overall=superb&publishedFrom=2026-02-30&service=%00');
    expect(Object.keys(bad.errors).sort()).toEqual(['overall', 'publishedFrom', 'service']);
    expect(bad.filters).toMatchObject({ overall: null, publishedFrom: null, service: null });
    const reversed = parse('publishedFrom=2022-01-01&publishedTo=2021-12-01');
    expect(reversed.errors.publishedTo).toMatch(/after the “published from” date/);
    expect(reversed.filters).toMatchObject({ publishedFrom: null, publishedTo: null });
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
    expect(
      summaryFilterWhere({
        ...DEFAULT_SUMMARY_FILTERS,
        service: 'Dudley YOS',
        localAuthority: 'Dudley',
        overall: 'good',
        publishedFrom: '2019-06-01',
        publishedTo: '2019-06-30',
      }),
    ).toEqual({
      AND: [
        { service: { name: 'Dudley YOS' } },
        { service: { localAuthority: 'Dudley' } },
        { publishedOn: { gte: new Date('2019-06-01T00:00:00Z') } },
        { publishedOn: { lte: new Date('2019-06-30T00:00:00Z') } },
      ],
    });
  });
});

describe('matchesSummaryFilters', () => {
  it('keeps every row without an overall filter, the rating asked for, or the unrated ones for not_rated', () => {
    expect(matchesSummaryFilters({ overall: null }, DEFAULT_SUMMARY_FILTERS)).toBe(true);
    expect(matchesSummaryFilters({ overall: 'good' }, { overall: 'good' })).toBe(true);
    expect(matchesSummaryFilters({ overall: 'outstanding' }, { overall: 'good' })).toBe(false);
    expect(matchesSummaryFilters({ overall: null }, { overall: 'good' })).toBe(false);
    expect(matchesSummaryFilters({ overall: null }, { overall: 'not_rated' })).toBe(true);
    expect(matchesSummaryFilters({ overall: 'inadequate' }, { overall: 'not_rated' })).toBe(false);
  });
});
