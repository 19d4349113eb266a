// Types for translate.mjs (the project compiles no JavaScript: allowJs is off).

export interface Check {
  table: string;
  name: string;
  /** The expression inside CHECK ( … ), as SQLite stores it. */
  expression: string;
}

export const SCHEMA_HEADER: string;
export function pgSchemaFromSource(source: string): string;
export function checksOfTable(table: string, createSql: string): Check[];
export function translateSql(sqlite: string): string;
export function isPartialIndex(createSql: string): boolean;
export function baselineName(lastMirrored: string): string;
export function baselineSql(
  prismaDdl: string,
  checks: readonly (Check & { postgres: string })[],
  partialIndexes: readonly { name: string; postgres: string }[],
): string;
export interface Constraints {
  checks: readonly (Check & { postgres: string })[];
  partialIndexes: readonly { name: string; table: string; postgres: string }[];
}
export function followUpSql(prismaDdl: string, before: Constraints, after: Constraints): string;
