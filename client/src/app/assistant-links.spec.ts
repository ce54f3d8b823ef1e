import { describe, expect, it } from 'vitest';
import { scenarios } from '../features/assistant/components/assistant-scenarios';
import { appRoutePaths } from './route-table';

describe('the guided assistant’s next steps', () => {
  it('link only to pages of the route table', () => {
    const paths = Object.values(scenarios).flatMap((s) => Object.values(s.links));
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((p) => !(appRoutePaths as readonly string[]).includes(p))).toEqual([]);
  });
});
