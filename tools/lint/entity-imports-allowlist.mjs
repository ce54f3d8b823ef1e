// Imports of another module's entities that were there when the boundary rule was raised (decision 0020),
// and that the rule (tools/lint/module-boundaries.mjs, `passerelle/module-boundaries`) still lets through:
// importing file (under server/src/) -> "<owner module>/<entity file>#<imported name>".
//
// This list only shrinks. The rule reports an entry whose import is gone, and
// tools/lint/module-boundaries.spec.ts fails when the list grows past its count. A new cross-module read goes
// through the owning module's service, loader or view (for example businesses/business-directory.service.ts,
// registry/registry-lookups.service.ts, profiles/profile.service.ts personContacts), never onto this list.
//
// 0 names now (5 before the registry's financial reads moved behind its service; 71 at issue 19 item 3,
// decision 0042; 81 after decision 0020, 85 when the rule was raised). The mechanism stays, at 0.

export const entityImportAllowlist = {
  // 1. Relations between entities: none listed any more. An entity file names another module's entity through
  //    a type-only import and a string target (`@OneToOne('User')`), which the rule allows (decision 0042).
  // 2. Entity classes that are also GraphQL object types: none listed any more. The module that owns such a
  //    class adds its field to another module's type with a resolver of its own (profiles and audit add the
  //    Viewer's profile and recentSecurityEvents).
  // 3. Reads and writes of another module's tables: none listed any more. The last five (finance.queries.ts's
  //    date-keyset pages over the registry's statements, invoices, transactions and financial securities)
  //    moved behind registry/registry-finance.service.ts (decision 0042's follow-up).
};
