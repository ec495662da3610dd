// A tiny path-pattern router shared by the partner and credential modules.
import type { IncomingHttpHeaders } from 'node:http';
import type { SimResponse } from './errors';
import type { FaultConfig, SimState } from './types';

export interface RequestContext {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown;
  state: SimState;
  faults: FaultConfig;
  jwtSecret: Buffer;
  nowMs: number;
}

export interface Route {
  /** Stable name, used by the drift fault and in docs (e.g. 'partner.me'). */
  name: string;
  method: string;
  /** Relative pattern with :params, e.g. '/accounts/:id'. */
  path: string;
  handle(ctx: RequestContext, params: Record<string, string>): SimResponse;
}

export type RouteMatch<R extends { method: string; path: string } = Route> =
  | { found: true; route: R; params: Record<string, string> }
  | { found: false; allowed: string[] }; // allowed non-empty → the path exists with other methods (405)

export function matchRoute<R extends { method: string; path: string } = Route>(routes: readonly R[], method: string, path: string): RouteMatch<R> {
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.method === method) return { found: true, route, params };
    allowed.push(route.method);
  }
  return { found: false, allowed };
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (g === '') return undefined;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return undefined;
      }
    } else if (w !== g) {
      return undefined;
    }
  }
  return params;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The JSON body as an object; a non-object body counts as empty (validators then report missing fields). */
export function bodyObject(ctx: RequestContext): Record<string, unknown> {
  return isRecord(ctx.body) ? ctx.body : {};
}

export function header(ctx: RequestContext, name: string): string | undefined {
  const v = ctx.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
