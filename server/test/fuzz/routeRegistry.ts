// Lists the routes an Express 5 app serves by walking its router stack, so routes added later are fuzzed too.
import type { Express } from 'express';

/** One method + path pattern, e.g. POST /api/events/:eventId/prizes. */
export interface RouteEntry {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  matchers?: Array<(path: string) => { path: string } | false>;
}

/** Where a mounted router sits: the prefix its matcher accepts for a probe path ('' for app-level). */
function mountOf(layer: Layer, candidates: string[]): string {
  for (const prefix of candidates) {
    const hit = layer.matchers?.[0]?.(`${prefix}/__probe__`);
    if (hit && hit.path === prefix) return prefix;
  }
  return '';
}

/** Every route of the app, sub-routers included (candidates: the mount points to probe, e.g. ['/api']). */
export function listRoutes(app: Express, candidates: string[] = ['/api']): RouteEntry[] {
  const out: RouteEntry[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const p of paths)
          for (const method of Object.keys(layer.route.methods))
            out.push({ method: method.toUpperCase(), path: prefix + p });
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, prefix + mountOf(layer, candidates));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out;
}
