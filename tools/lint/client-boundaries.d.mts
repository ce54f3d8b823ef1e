import { type ESLint } from 'eslint';

export interface ClientRoom {
  room: string;
  feature?: string;
}
export function clientBoundaryProblem(from: ClientRoom | null, to: ClientRoom | null): string | null;
export const boundariesPlugin: ESLint.Plugin;
