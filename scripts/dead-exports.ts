/**
 * npm test's dead-exports step: every `export` must have an importer in another file (a test
 * counts), or it is dead weight a reader has to keep in mind. Uses the TypeScript compiler on the
 * project's tsconfig, so re-exports, `import type`, `export … from` and renames are followed as the
 * compiler sees them, not guessed from text.
 *
 * Not checked: Next.js entry points (pages, layouts, route handlers, proxy.ts, instrumentation.ts,
 * config files), whose exports the framework reads; 'use server' files, whose exports are HTTP
 * endpoints (tests/integration/hostile-input.int.test.ts imports them all); and the files listed in
 * ENTRY_FILES below, loaded by path. A module imported as a namespace (`import * as x`), by
 * `import()` or by an import type counts as using all its exports.
 *
 * Usage: tsx scripts/dead-exports.ts — prints `file: name` per dead export, exits 1 if any.
 */
import path from 'node:path';
import ts from 'typescript';

const root = process.cwd();

/** Files whose exports something other than an import reads. */
const ENTRY_FILES = new Set([
  'next.config.js',
  'proxy.ts',
  'instrumentation.ts',
  'playwright.config.ts',
  'vitest.config.mts',
  'prisma.config.ts',
  'eslint.config.mjs',
  'postcss.config.mjs',
  'tests/integration/global-setup.ts', // vitest.config.mts globalSetup
  'e2e/oidc/global-setup.ts', // playwright.config.ts globalSetup
  'tests/server-only-stub.ts', // vitest.config.mts alias
  'scripts/bench-exports.ts', // imported by path from scripts/bench.ts when present
]);
/** Next.js App Router files: their exports (default, metadata, GET, …) are read by the framework. */
const NEXT_ENTRY =
  /^app\/(?:.*\/)?(?:page|layout|template|loading|error|global-error|not-found|default|route|opengraph-image|twitter-image|icon|apple-icon|sitemap|robots|manifest)\.(?:tsx?|jsx?)$/;

function isEntry(sourceFile: ts.SourceFile, rel: string): boolean {
  if (ENTRY_FILES.has(rel) || NEXT_ENTRY.test(rel)) return true;
  const first = sourceFile.statements[0];
  return (
    first !== undefined && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === 'use server'
  );
}

/** The dead exports of the project whose tsconfig is `configPath`, as paths relative to its folder. */
export function findDeadExports(configPath = path.join(root, 'tsconfig.json')): { file: string; name: string }[] {
  const base = path.dirname(configPath);
  const relative = (file: string) => path.relative(base, file).split(path.sep).join('/');
  const isOwnSource = (file: string) =>
    !file.includes('/node_modules/') &&
    !relative(file).startsWith('lib/generated/') &&
    !relative(file).startsWith('.next/') &&
    !file.endsWith('.d.ts');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error(`Cannot read ${configPath}`);
  const program = ts.createProgram(config.fileNames, { ...config.options, noEmit: true, incremental: false });
  const checker = program.getTypeChecker();
  const sources = program.getSourceFiles().filter((f) => isOwnSource(f.fileName));

  const used = new Set<ts.Symbol>();
  const wholeModules = new Set<string>();
  const resolve = (symbol: ts.Symbol): ts.Symbol => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const markAlias = (symbol: ts.Symbol | undefined) => {
    // Every step of an alias chain (a barrel's re-export, then the original) is used.
    for (let s = symbol; s;) {
      used.add(s);
      if (!(s.flags & ts.SymbolFlags.Alias)) break;
      const next = checker.getImmediateAliasedSymbol(s);
      if (!next || next === s) break;
      s = next;
    }
    if (symbol) used.add(resolve(symbol));
  };
  const moduleFileOf = (specifier: ts.Expression): string | undefined => {
    const symbol = checker.getSymbolAtLocation(specifier);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    return declaration && ts.isSourceFile(declaration) ? declaration.fileName : undefined;
  };

  for (const sourceFile of sources) {
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && node.importClause) {
        const { importClause } = node;
        if (importClause.name) markAlias(checker.getSymbolAtLocation(importClause.name));
        const bindings = importClause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) {
          const file = moduleFileOf(node.moduleSpecifier);
          if (file) wholeModules.add(file);
        } else if (bindings) {
          for (const element of bindings.elements) markAlias(checker.getSymbolAtLocation(element.name));
        }
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.exportClause) {
        // `export * from './x'`: the barrel's own exports are checked through their importers.
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [argument] = node.arguments;
        const file = argument && moduleFileOf(argument);
        if (file) wholeModules.add(file);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        const file = moduleFileOf(node.argument.literal);
        if (file) wholeModules.add(file);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }

  const dead: { file: string; name: string }[] = [];
  for (const sourceFile of sources) {
    if (isEntry(sourceFile, relative(sourceFile.fileName)) || wholeModules.has(sourceFile.fileName)) continue;
    const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
    if (!moduleSymbol) continue; // not a module
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      if (used.has(exported) || used.has(resolve(exported))) continue;
      // `export * from` in this file: the name belongs to (and is reported in) the other file.
      const declaration = exported.declarations?.[0];
      if (declaration && declaration.getSourceFile() !== sourceFile && !(exported.flags & ts.SymbolFlags.Alias)) continue;
      dead.push({ file: relative(sourceFile.fileName), name: exported.name });
    }
  }
  return dead.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(root, 'scripts/dead-exports.ts')) {
  const started = Date.now();
  const dead = findDeadExports();
  for (const { file, name } of dead) process.stdout.write(`${file}: ${name}\n`);
  process.stdout.write(
    dead.length
      ? `${dead.length} export(s) have no importer: remove the export (or the code), or list the file in scripts/dead-exports.ts if something loads it by path.\n`
      : `No dead exports (${((Date.now() - started) / 1000).toFixed(1)} s).\n`,
  );
  process.exit(dead.length ? 1 : 0);
}
