import { describe, expect, it } from 'vitest';
import { hubKeys, hubLinkPaths, hubs } from '../features/hubs/components/hub-data';
import { appRoutePaths } from './route-table';

// The app composes the features: it checks here that the MENU's hubs link only to pages it has (a feature
// may not import the app, so the hubs' own spec cannot).
describe('the MENU and its hubs', () => {
  it('links only to pages of the app, and every hub is a page of the route table', () => {
    for (const hub of hubKeys) expect(appRoutePaths).toContain(`menu/${hub}`);
    for (const links of Object.values(hubs))
      for (const link of links) expect(appRoutePaths).toContain(hubLinkPaths[link]);
  });
});
