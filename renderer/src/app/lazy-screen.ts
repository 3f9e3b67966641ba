import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A screen in its own chunk, loaded when first rendered. Screens are named exports; React.lazy
 * wants a default one, so this picks the named export out of the loaded module.
 */
export function lazyScreen<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
