/**
 * schema.prisma and the migrated database agree: every model, field, type, nullability,
 * unique constraint and relation of the schema exists in the database, and the database has
 * no table, column or foreign key the schema does not know. The schema is read with Prisma's
 * own parser (prisma-schema-wasm's DMMF), not a hand-rolled one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, MIGRATIONS_DIR } from './test-database';
import { migrate } from '../../lib/db/migrate';
import { must } from '@/lib/must';

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  nativeType?: [string, string[]] | null;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
  uniqueFields: string[][];
}
interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
}

const schemaText = readFileSync(path.resolve(__dirname, '../../prisma/schema.prisma'), 'utf8');
const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schemaText }))) as {
  datamodel: { models: DmmfModel[]; enums: DmmfEnum[] };
};
const models = dmmf.datamodel.models;
const enums = dmmf.datamodel.enums;
const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
const columnOf = (f: DmmfField) => f.dbName ?? f.name;
const modelByName = new Map(models.map((m) => [m.name, m]));
const enumByName = new Map(enums.map((e) => [e.name, e]));

/** The PostgreSQL type Prisma Migrate would create for a field. */
function expectedType(field: DmmfField): string {
  if (field.kind === 'enum') return enumByName.get(field.type)!.dbName ?? field.type;
  const native = field.nativeType?.[0];
  if (native === 'Uuid') return 'uuid';
  if (native === 'Date') return 'date';
  if (native === 'Timestamptz') return 'timestamp with time zone';
  if (native) throw new Error(`Add native type ${native} to the schema-agreement test`);
  switch (field.type) {
    case 'String':
      return 'text';
    case 'Boolean':
      return 'boolean';
    case 'Int':
      return 'integer';
    case 'BigInt':
      return 'bigint';
    case 'DateTime':
      return 'timestamp without time zone';
    case 'Json':
      return 'jsonb';
    case 'Float':
      return 'double precision';
    case 'Decimal':
      return 'numeric';
    default:
      throw new Error(`Unmapped Prisma type ${field.type}`);
  }
}

let client: pg.Client;
let columns: { table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }[];
let uniques: { table_name: string; columns: string[]; is_primary: boolean; is_partial: boolean }[];
let foreignKeys: { table_name: string; columns: string[]; ref_table: string; ref_columns: string[]; on_delete: string }[];
let dbEnums: { name: string; values: string[] }[];

beforeAll(async () => {
  const url = await createEmptyDatabase('agree');
  await migrate(url, MIGRATIONS_DIR);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  columns = (
    await client.query(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    )
  ).rows;
  uniques = (
    await client.query(
      `SELECT t.relname AS table_name, i.indisprimary AS is_primary, i.indpred IS NOT NULL AS is_partial,
              array_agg(a.attname ORDER BY k.ord)::text[] AS columns
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE i.indisunique AND t.relname <> '_prisma_migrations'
       GROUP BY t.relname, i.indexrelid, i.indisprimary, i.indpred`,
    )
  ).rows;
  foreignKeys = (
    await client.query(
      `SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS ref_table,
              (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
              (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS ref_columns,
              c.confdeltype AS on_delete
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
       WHERE c.contype = 'f'`,
    )
  ).rows.map((r) => ({ ...r, table_name: r.table_name.replace(/"/g, ''), ref_table: r.ref_table.replace(/"/g, '') }));
  dbEnums = (
    await client.query(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    )
  ).rows;
});

afterAll(async () => {
  await client?.end();
});

const ON_DELETE: Record<string, string> = { Cascade: 'c', Restrict: 'r', SetNull: 'n', NoAction: 'a', SetDefault: 'd' };

describe('schema.prisma and the migrated database', () => {
  it('have the same tables', () => {
    const dbTables = [...new Set(columns.map((c) => c.table_name))].sort();
    expect(dbTables).toEqual(models.map(tableOf).sort());
  });

  it('have the same columns, types and nullability', () => {
    for (const model of models) {
      const scalarFields = model.fields.filter((f) => f.kind !== 'object');
      const dbColumns = columns.filter((c) => c.table_name === tableOf(model));
      expect(dbColumns.map((c) => c.column_name).sort(), `columns of ${model.name}`).toEqual(scalarFields.map(columnOf).sort());
      for (const field of scalarFields) {
        const column = dbColumns.find((c) => c.column_name === columnOf(field))!;
        const actualType = column.data_type === 'USER-DEFINED' ? column.udt_name : column.data_type;
        expect(actualType, `type of ${model.name}.${field.name}`).toBe(expectedType(field));
        expect(column.is_nullable === 'NO', `nullability of ${model.name}.${field.name}`).toBe(field.isRequired);
      }
    }
  });

  it('have the same enums and values', () => {
    for (const e of enums) {
      const db = dbEnums.find((d) => d.name === (e.dbName ?? e.name));
      expect(db, `enum ${e.name}`).toBeDefined();
      expect(db!.values).toEqual(e.values.map((v) => v.dbName ?? v.name));
    }
    expect(dbEnums.map((d) => d.name).sort()).toEqual(enums.map((e) => e.dbName ?? e.name).sort());
  });

  it('have the same primary keys and unique constraints', () => {
    for (const model of models) {
      const table = tableOf(model);
      const fieldColumn = (name: string) => columnOf(model.fields.find((f) => f.name === name)!);
      const pk = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
      const dbPk = uniques.find((u) => u.table_name === table && u.is_primary);
      expect(dbPk?.columns, `primary key of ${model.name}`).toEqual(pk.map(fieldColumn));

      const expected = [
        ...model.fields.filter((f) => f.isUnique).map((f) => [columnOf(f)]),
        ...model.uniqueFields.map((fields) => fields.map(fieldColumn)),
      ]
        .map((cols) => cols.join(','))
        .sort();
      // Partial unique indexes (e.g. one active panel decision per standard) are SQL-only rules.
      const actual = uniques
        .filter((u) => u.table_name === table && !u.is_primary && !u.is_partial)
        .map((u) => u.columns.join(','))
        .sort();
      expect(actual, `unique constraints of ${model.name}`).toEqual(expected);
    }
  });

  it('have the same relations (foreign keys with their delete rules)', () => {
    const expected: typeof foreignKeys = [];
    for (const model of models) {
      for (const field of model.fields) {
        if (field.kind !== 'object' || !field.relationFromFields?.length) continue;
        const target = modelByName.get(field.type)!;
        const col = (m: DmmfModel, name: string) => columnOf(m.fields.find((f) => f.name === name)!);
        expected.push({
          table_name: tableOf(model),
          columns: field.relationFromFields.map((n) => col(model, n)),
          ref_table: tableOf(target),
          ref_columns: field.relationToFields!.map((n) => col(target, n)),
          on_delete: must(ON_DELETE[field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull')], 'an onDelete code'),
        });
      }
    }
    const key = (fk: (typeof foreignKeys)[number]) =>
      `${fk.table_name}(${fk.columns.join(',')}) -> ${fk.ref_table}(${fk.ref_columns.join(',')}) on delete ${fk.on_delete}`;
    expect(foreignKeys.map(key).sort()).toEqual(expected.map(key).sort());
  });
});
