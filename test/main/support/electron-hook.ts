// `node --import ./electron-hook.ts <bundle>`: `electron`, imported or required, resolves to the double.
import { registerHooks } from 'node:module';

const double = new URL('./electron-double.ts', import.meta.url).href;
registerHooks({
  resolve: (specifier, context, nextResolve) => (specifier === 'electron' ? { url: double, shortCircuit: true } : nextResolve(specifier, context)),
});
