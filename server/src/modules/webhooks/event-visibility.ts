import {
  AccessAction,
  type AccessArea,
  decideAccess,
  type Standing,
} from '../../common/auth/access-table.js';
import { entryByType } from './event-catalogue.js';

/** A kept public event, as far as deciding who sees it goes. */
export interface KeptEvent {
  type: string;
  businessId: string;
  programAccountId: string | null;
  area: string;
  data: Record<string, unknown>;
}

/**
 * What a standing may see of an event, decided by the access table now (decision 0028): null when the
 * event's area denies it VIEW on (business, program account), else its payload cut to the fields whose area
 * allows VIEW (a field without its own area follows the event's). The same rule as the GraphQL fields.
 */
export function visibleData(event: KeptEvent, standing: Standing): Record<string, unknown> | null {
  const owner = { businessId: event.businessId, programAccountId: event.programAccountId };
  const sees = (area: AccessArea) => decideAccess(standing, area, AccessAction.VIEW, owner);
  if (!sees(event.area as AccessArea)) return null;
  const fields = entryByType.get(event.type)?.fields ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event.data))
    if (!fields[key] || sees(fields[key])) out[key] = value;
  return out;
}
