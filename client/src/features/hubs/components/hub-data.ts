/**
 * The signed-in MENU of seed 003 §2.2: six areas, each a hub page of links with a line on what each does.
 * Data, not components: the MENU page, each hub page and their tests read the same list. Paths are pages
 * of the route table (client/src/app/route-table.ts); each page checks the person's access itself.
 */
export const hubs = {
  configure: ['employees', 'relationships', 'clientGroups', 'apiTokens'],
  accounts: ['businessProfile', 'programAccounts', 'personalProfile', 'clients'],
  finance: ['financialInformation', 'security', 'pad'],
  payments: ['applyCredit', 'pad'],
  declarations: ['calculator', 'upload'],
  rulings: ['rulings', 'requestRuling', 'upload'],
} as const;

export type HubKey = keyof typeof hubs;
export type HubLink = (typeof hubs)[HubKey][number];

export const hubKeys = Object.keys(hubs) as HubKey[];

/** Where each link of a hub leads, under `/:lang/`. */
export const hubLinkPaths: Record<HubLink, string> = {
  employees: 'business/employees',
  relationships: 'business/relationships',
  clientGroups: 'business/client-groups',
  apiTokens: 'business/api-tokens',
  businessProfile: 'business',
  programAccounts: 'business/program-accounts',
  personalProfile: 'profile',
  clients: 'clients',
  financialInformation: 'finance',
  security: 'finance/security',
  pad: 'finance/pad',
  applyCredit: 'finance/payments',
  calculator: 'calculator',
  upload: 'documents/upload',
  rulings: 'rulings',
  requestRuling: 'rulings/new',
};
