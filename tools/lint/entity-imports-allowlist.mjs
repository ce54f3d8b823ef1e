// Imports of another module's entities that were there when the boundary rule was raised (decision 0020),
// and that the rule (tools/lint/module-boundaries.mjs, `passerelle/module-boundaries`) still lets through:
// importing file (under server/src/) -> "<owner module>/<entity file>#<imported name>".
//
// This list only shrinks. The rule reports an entry whose import is gone, and
// tools/lint/module-boundaries.spec.ts fails when the list grows past its count. A new cross-module read goes
// through the owning module's service, loader or view (for example businesses/business-directory.service.ts,
// registry/registry-lookups.service.ts, profiles/profile.service.ts personContacts), never onto this list.
//
// 5 names now (71 at issue 19 item 3, decision 0042; 81 after decision 0020, 85 when the rule was raised).

export const entityImportAllowlist = {
  // 1. Relations between entities: none listed any more. An entity file names another module's entity through
  //    a type-only import and a string target (`@OneToOne('User')`), which the rule allows (decision 0042).
  // 2. Entity classes that are also GraphQL object types: none listed any more. The module that owns such a
  //    class adds its field to another module's type with a resolver of its own (profiles and audit add the
  //    Viewer's profile and recentSecurityEvents).
  // 3. Reads and writes of another module's tables: to move behind that module's service or loader.
  'modules/finance/finance.queries.ts': [
    'registry/financial-record.entity.ts#RegistryFinancialSecurity',
    'registry/financial-record.entity.ts#RegistryInvoice',
    'registry/financial-record.entity.ts#RegistryStatement',
    'registry/financial-record.entity.ts#RegistryTransaction',
    'registry/program-account.entity.ts#RegistryProgramAccount',
  ],
};
