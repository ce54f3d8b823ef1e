import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * Mutations an API token may run (READ_WRITE only). Fail closed: a mutation not listed is a person's act
 * (their credential, profile, session, terms, their business's people and tokens) and a token gets FORBIDDEN
 * with reason TOKEN_NOT_ALLOWED. A module whose mutation a broker system needs adds it here.
 */
export const tokenMutations: ReadonlySet<string> = new Set([
  'requestRelationship',
  'requestRelationships',
  'decideRelationship',
  'cancelRelationship',
  'endRelationship',
  'createClientGroup',
  'renameClientGroup',
  'deleteClientGroup',
  'addClientsToGroup',
  'removeClientsFromGroup',
  'assignEmployeeToClient',
  'unassignEmployeeFromClient',
  'assignEmployeeToGroup',
  'unassignEmployeeFromGroup',
  'updateBusinessSettings',
  'updateProgramAccountContacts',
  // Requests (rulings): REQUESTS_AND_TRANSACTIONS EDIT, which the seed grants providers under both types.
  'requestRuling',
  // Transactions (apply a credit): REQUESTS_AND_TRANSACTIONS EDIT; financial security: business management only.
  'applyCredit',
  'submitFinancialSecurityChange',
  // Bulk exports (decision 0029): reading in the background, so a READ token may start one too.
  'startExport',
  // Claims (docs/claims.md): REQUESTS_AND_TRANSACTIONS EDIT. Filing takes an idempotency key for retries.
  'fileClaim',
  'updateClaim',
  'submitClaim',
  'withdrawClaim',
  'answerClaimInformation',
  // Secure messaging (issue 15 §6, decision 0038): MESSAGES EDIT, which the seed grants providers as requests.
  'openMessageThread',
  'postMessage',
]);

/** Mutations that only read, which a READ token may run as well: starting an export queues reads. */
export const readTokenMutations: ReadonlySet<string> = new Set(['startExport']);

/** The root field names an operation selects, through fragments. */
export function rootFieldNames(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  const names: string[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return names;
}
