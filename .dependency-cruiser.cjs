/**
 * Architecture rules, checked by `npm run depcheck` (and CI). See docs/operations.md → "Code structure
 * rules" for the reasons. In short:
 *  - the web app and the server meet only in src/contracts (shared zod schemas and types);
 *  - *.rules.ts and *.policy.ts are pure domain logic: no I/O, no database, no HTTP;
 *  - a module's tables and repositories are its own: other modules go through its service.
 *    Exceptions: *.tables.ts may reference other modules' tables (foreign keys), the schema index
 *    src/server/db/schema.ts collects them all, and the shared identity tables of the modules
 *    'auth' (users) and 'networks' (networks, memberships) may be read by any module;
 *  - repositories sit behind their module's services and call none; modules meet through
 *    <context>.service.ts (the public face), never another module's resource services;
 *  - no circular imports (type-only cycles excepted: they vanish at run time).
 */
/*
 * dependency-cruiser needs the TypeScript compiler API, which typescript 7 (native) no longer has:
 * scripts/lib/depcruise-ts6.mjs hands it typescript 6 (devDependency "typescript6"). Without that,
 * dependency-cruiser would skip every .ts file and report "no violations" for 0 modules: fail instead.
 */
if (!globalThis.__bildungsnetzDepcruiseTs6) {
  throw new Error(
    'depcheck: run dependency-cruiser with the TypeScript 6 preload, as package.json\'s "depcheck" does:\n' +
      '  node --import ./scripts/lib/depcruise-ts6.mjs node_modules/dependency-cruiser/bin/dependency-cruise.mjs src --config .dependency-cruiser.cjs\n' +
      '(needs the devDependency "typescript6": "npm:typescript@6.0.3")',
  );
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'web-not-server',
      comment: 'The web app talks to the server over HTTP only; shared shapes live in src/contracts.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'contracts-standalone',
      comment: 'src/contracts is shared by server and web and must not depend on either.',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: '^src/(server|web)/' },
    },
    {
      name: 'pure-rules-and-policies',
      comment:
        '*.rules.ts and *.policy.ts are pure functions: no node: builtins, database, HTTP framework, repositories or services.',
      severity: 'error',
      from: { path: '^src/server/modules/[^/]+/[^/]+\\.(rules|policy)\\.ts$' },
      to: {
        dependencyTypesNot: ['type-only'],
        path: [
          '(^|/)node_modules/(drizzle-orm|pg|pg-[^/]+|@electric-sql/pglite|fastify|@fastify/[^/]+)/',
          '\\.(repository|service)\\.ts$',
        ],
      },
    },
    {
      name: 'pure-rules-and-policies-no-builtins',
      comment: '*.rules.ts and *.policy.ts must not use node: builtins (file system, network, crypto …).',
      severity: 'error',
      from: { path: '^src/server/modules/[^/]+/[^/]+\\.(rules|policy)\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-foreign-repositories',
      comment: "Another module's repository is its private data access: call its service instead.",
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/' },
      to: { path: '^src/server/modules/[^/]+/[^/]+\\.repository\\.ts$', pathNot: '^src/server/modules/$1/' },
    },
    {
      name: 'repositories-behind-services',
      comment:
        'A repository is data access for the use cases of its module: routes, rules, policies, tables and code outside the modules (app, demo, scripts) call a service instead.',
      severity: 'error',
      from: {
        path: '^src/server/',
        pathNot:
          '^src/server/modules/[^/]+/[^/]+\\.(service|repository|minutes|invitations|procedures|links|test)\\.ts$',
      },
      // Row types may be shared (type-only imports vanish at run time); calls may not.
      to: { path: '^src/server/modules/[^/]+/[^/]+\\.repository\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'repositories-call-no-services',
      comment: 'Services call repositories, never the other way round: a repository decides nothing.',
      severity: 'error',
      from: { path: '\\.repository\\.ts$' },
      to: { path: '\\.(service|routes)\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'modules-meet-through-services',
      comment:
        "Another module is used through its public face: <context>.service.ts (use cases, re-exported per resource), its policy, or its tables where 'no-foreign-tables' allows. Its resource services, repositories and helpers stay private, so a module can be reshaped without touching others.",
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/' },
      to: {
        path: '^src/server/modules/[^/]+/',
        pathNot: [
          '^src/server/modules/$1/',
          '^src/server/modules/([^/]+)/\\1\\.(service|policy|tables)\\.ts$',
          // The auth module's face is the better-auth instance; the file store is a port backup reads too.
          '^src/server/modules/auth/auth\\.ts$',
          '^src/server/modules/files/files\\.storage\\.ts$',
        ],
      },
    },
    {
      name: 'no-foreign-tables',
      comment:
        "Another module's tables are its own, except the shared identity tables of 'auth' and 'networks'; *.tables.ts may reference any tables for foreign keys.",
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/', pathNot: '\\.tables\\.ts$' },
      to: {
        path: '^src/server/modules/[^/]+/[^/]+\\.tables\\.ts$',
        pathNot: ['^src/server/modules/$1/', '^src/server/modules/(auth|networks)/'],
      },
    },
    {
      name: 'no-circular',
      comment: 'Circular imports make start-up order fragile; type-only cycles are allowed.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
