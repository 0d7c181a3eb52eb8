/** What every handler receives: the fake's state, the matched operation and the checked request. */
import type { Operation } from '../openapi.ts';
import type { Reply } from '../replies.ts';
import type { Actor, FakeState } from '../state.ts';

export interface HandlerContext {
  state: FakeState;
  op: Operation;
  /** Path parameters, coerced to their schema's type. */
  params: Record<string, string | number>;
  url: URL;
  /** The JSON request body (`{}` if none). */
  body: Record<string, unknown>;
  /** The token's identity. */
  actor: Actor;
}

/** Handlers by operationId. */
export type Handlers = Record<string, (ctx: HandlerContext) => Reply>;
