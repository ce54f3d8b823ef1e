import { type ModuleManifest } from '../../app/module-manifest.js';
import { CalculatorResolver } from './calculator.resolver.js';

export const calculatorModule: ModuleManifest = {
  name: 'calculator',
  resolvers: [CalculatorResolver],
};
