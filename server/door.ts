import 'server-only';
import { refresh } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { clientAddressFrom } from '@/auth';
import type { Actor } from '@/db/mutations/common';
import type { SessionUser } from '@/db/queries/users';
import { getCurrentSession } from '@/server/session';
import { expireTags, expireTagsInAction } from '@/server/expire-tags';
import { getLogger } from '@/platform/logger';
import type { ApiRefusal, FieldErrors, FormState } from '@/server/newsroom-api';
import { REFUSAL_STATUS, type ServerRefusalReason } from '@/lib/newsroom/refusals';
import { can, refusalMessage, ruleOf, type Permission, type Resource, type Rule } from '@/lib/newsroom/permissions';
import { readJsonBody } from '@/server/request-body';
import { withRequestLog } from '@/server/request-log';
import { isOwnSiteRequest } from '@/server/same-origin';

// The one door into the newsroom. Every server action is made by adminAction (or adminCommand,
// for one called from code rather than a form) and every JSON route handler by adminRoute. Each
// call goes the same way: who is asking (signed in, same site) → what they sent (parsed) → what
// it is about (its owner and state) → may they (lib/newsroom/permissions.ts) → one mutation → expire the
// cache tags it names. Refusals use one vocabulary (lib/newsroom/refusals.ts), field
// errors one shape, JSON answers one no-store header.


export const NO_STORE = { 'Cache-Control': 'private, no-store' } as const;


export const MESSAGES = {
  signedOut: 'Your session has ended. Sign in again to continue.',
  crossSite: 'Refused: the request did not come from this site.',
  tooLarge: 'The request is too large.',
  unreadable: 'The request could not be read.',
  invalid: 'Check the highlighted fields.',
  incomplete: 'Something was missing from the form.',
} as const;

/** A refusal a mutation or a door returns; extra fields (a conflict's other save) travel with it. */
export type Refusal<X extends object = object> = ApiRefusal & X;

export function refuse<X extends object = object>(
  reason: ServerRefusalReason,
  error: string,
  more?: { fieldErrors?: FieldErrors } & X,
): Refusal<X> {
  return { ok: false, reason, error, ...more } as Refusal<X>;
}

/** A form's field error, from one message. */
export function fieldError<X extends object = object>(field: string, message: string, more?: X): Refusal<X> {
  return refuse('invalid', message, { fieldErrors: { [field]: [message] }, ...more } as { fieldErrors: FieldErrors } & X);
}

/** A mutation's refusal: on its field when it names one. */
export function refusalOf(message: string, field?: string | null): Refusal {
  return field ? fieldError(field, message) : refuse('invalid', message);
}

export interface Caller<R extends Resource = Resource> {
  user: SessionUser;
  actor: Actor;
  // This browser's session (sign-out ends it).
  sessionId: string | null;
  // What the permission was decided on, as the spec's `resource` found it.
  resource: R | undefined;
}

type PermissionOf<I> = Permission | ((input: I) => Permission);

/** Zod issues as field errors, keyed by the field's own name (`article.title` → `title`). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path.findLast((part) => typeof part === 'string') ?? 'form');
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

function actorOf(user: SessionUser, h: Headers): Actor {
  return { id: user.id, email: user.email, ip: clientAddressFrom(h) };
}

/** The thing a call is about, or the refusal that it no longer exists. */
async function findResource<K, R extends Resource>(
  spec: { resource?: (key: K) => Promise<R | null>; missing?: string },
  key: K,
): Promise<{ ok: true; resource: R | undefined } | Refusal> {
  if (!spec.resource) return { ok: true, resource: undefined };
  const found = await spec.resource(key);
  return found ? { ok: true, resource: found } : refuse('not_found', spec.missing ?? 'That no longer exists.');
}

/** lib/newsroom/permissions.ts's answer, as a refusal when it is no. */
function refusedBy(rule: Rule, user: SessionUser, resource: Resource | undefined): Refusal | null {
  return rule.allows(user, resource) ? null : refuse('forbidden', refusalMessage(rule, user, resource));
}

interface Admitted<I, R extends Resource> {
  ok: true;
  input: I;
  // The action the call was allowed, for the log.
  action: string;
  caller: Caller<R>;
}

/**
 * The part every door shares, after the caller is known: parse, find the resource, decide.
 * `input` is parsed once; when it fails, the caller still hears "not allowed" before "invalid" if
 * their role cannot take the action on anything.
 */
async function admit<I, R extends Resource>(
  user: SessionUser,
  actor: Actor,
  sessionId: string | null,
  spec: { permission: PermissionOf<I>; resource?: (input: I) => Promise<R | null>; missing?: string },
  parsed: z.ZodSafeParseResult<I>,
  shownFields: readonly string[] | null,
): Promise<Admitted<I, R> | Refusal> {
  const rule: Rule | null = typeof spec.permission === 'function' ? (parsed.success ? ruleOf(spec.permission(parsed.data)) : null) : ruleOf(spec.permission);
  if (!parsed.success) {
    // At best (their own thing), may they do this at all? If not, that is the answer.
    if (rule && !can(user, rule.action, { ownerId: user.id })) return refuse('forbidden', refusalMessage(rule, user, undefined));
    const fieldErrors = fieldErrorsOf(parsed.error);
    // Called from code, there is no form to highlight: the first problem is the message.
    if (shownFields === null) return refuse('invalid', Object.values(fieldErrors)[0]?.[0] ?? MESSAGES.invalid, { fieldErrors });
    const fields = Object.keys(fieldErrors);
    if (fields.some((field) => !shownFields.includes(field))) return refuse('invalid', MESSAGES.incomplete);
    // One field wrong: its message says more than "check the fields".
    const only = fields.length === 1 ? fieldErrors[fields[0]!]?.[0] : undefined;
    return refuse('invalid', only ?? MESSAGES.invalid, { fieldErrors });
  }
  const input = parsed.data;
  const found = await findResource(spec, input);
  if (!found.ok) return found;
  const decided = rule ?? ruleOf((spec.permission as (input: I) => Permission)(input));
  const refused = refusedBy(decided, user, found.resource);
  if (refused) return refused;
  return { ok: true, input, action: decided.action, caller: { user, actor, sessionId, resource: found.resource } };
}

function logDecision(h: Headers, action: string, user: SessionUser, allowed: boolean): void {
  // One line per newsroom action (server actions have no route of their own to log): the
  // request id the proxy gave this request, who, what, and whether it was allowed.
  getLogger().info({ requestId: h.get('x-request-id'), route: h.get('x-gazette-path'), action, userId: user.id, allowed }, 'admin action');
}

function actionName<I>(permission: PermissionOf<I>): string {
  return typeof permission === 'function' ? 'rule' : ruleOf(permission).action;
}

// ---- server actions --------------------------------------------------------------------------

/** What a server action's `run` returns: success with what to expire, or a refusal. */
export type ActionOutcome<V> =
  | {
      ok: true;
      message?: string;
      link?: string;
      values?: V;
      // The cache tags the mutation named: expired before the answer, so the next request sees it.
      invalidates?: readonly string[];
      // Where to send the browser afterwards (e.g. the list, after a delete).
      redirectTo?: string;
      // Anything else the caller's state type (S) carries, such as a share link's address.
      [detail: string]: unknown;
    }
  // Details a form shows beside the message (e.g. which stories were refused) travel with it.
  | Refusal;

export interface ActionSpec<I, V, R extends Resource> {
  permission: PermissionOf<I>;
  // The form's fields as typed (capped), echoed back on every answer so a refused form loses nothing.
  values?: (formData: FormData) => V;
  // The fields the form shows (default: those of `values`); a problem with any other field (a
  // hidden id) is "something was missing from the form".
  fields?: readonly string[];
  // Parses the form's fields (the values above win over the raw ones).
  input: z.ZodType<I>;
  // What the permission is decided on; null when it no longer exists (answered with `missing`).
  resource?: (input: I) => Promise<R | null>;
  missing?: string;
  run: (input: I, caller: Caller<R> & { values: V }) => Promise<ActionOutcome<V>>;
}

/**
 * A form's text fields as typed, each cut at its limit: the `values` of most forms. `defaults`
 * stand in for fields the form did not send.
 */
export function formTexts<K extends string>(limits: Record<K, number>, defaults: Partial<Record<K, string>> = {}): (formData: FormData) => Record<K, string> {
  return (formData) =>
    Object.fromEntries(
      (Object.entries(limits) as [K, number][]).map(([name, max]) => [name, String(formData.get(name) ?? defaults[name] ?? '').slice(0, max)]),
    ) as Record<K, string>;
}

function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === 'string' && !(key in fields)) fields[key] = value;
  return fields;
}

async function callerOrSignIn(): Promise<{ user: SessionUser; actor: Actor; sessionId: string | null; h: Headers }> {
  const session = await getCurrentSession();
  // A server action is a public HTTP endpoint: nobody signed in is sent to the sign-in page.
  if (!session) redirect('/login');
  const { user, sessionId } = session;
  const h = await headers();
  return { user, sessionId, actor: actorOf(user, h), h };
}

async function runAction<I, V, R extends Resource, S extends FormState<V>>(
  spec: ActionSpec<I, V, R>,
  raw: unknown,
  values: V,
  shownFields: readonly string[] | null,
): Promise<S> {
  const { user, actor, sessionId, h } = await callerOrSignIn();
  const admitted = await admit(user, actor, sessionId, spec, spec.input.safeParse(raw), shownFields);
  logDecision(h, admitted.ok ? admitted.action : actionName(spec.permission), user, admitted.ok || admitted.reason !== 'forbidden');
  if (!admitted.ok) return toState<S>(admitted, values);
  const outcome = await spec.run(admitted.input, { ...admitted.caller, values });
  if (!outcome.ok) return toState<S>(outcome, values);
  const { ok: _ok, invalidates, redirectTo, ...rest } = outcome;
  if (invalidates?.length) await expireTagsInAction(invalidates);
  if (redirectTo) redirect(redirectTo);
  refresh();
  return { ok: true, values, ...rest } as S;
}

function toState<S>(refusal: Refusal, values: unknown): S {
  const { ok: _ok, reason: _reason, ...rest } = refusal;
  return { values, ...rest } as S;
}

/**
 * A server action for a form (useActionState): `(previous, formData) => state`. `S` is the
 * form's state when it carries more than FormState (details a refusal sends along).
 */
export function adminAction<I, V = undefined, R extends Resource = Resource, S extends FormState<V> = FormState<V>>(
  spec: ActionSpec<I, V, R>,
): (previous: S, formData: FormData) => Promise<S> {
  return async (_previous, formData) => {
    const values = (spec.values ? spec.values(formData) : undefined) as V;
    const shown = spec.fields ?? (values && typeof values === 'object' ? Object.keys(values) : []);
    return runAction<I, V, R, S>(spec, { ...formFields(formData), ...(values as object) }, values, shown);
  };
}

/** A server action called from code with one argument (a list's new order, a slot's stories). */
export function adminCommand<P, I, R extends Resource = Resource, S extends FormState<undefined> = FormState<undefined>>(
  spec: Omit<ActionSpec<I, undefined, R>, 'values'>,
): (payload: P) => Promise<S> {
  return (payload) => runAction<I, undefined, R, S>(spec, payload instanceof FormData ? formFields(payload) : payload, undefined, null);
}

// ---- JSON route handlers ---------------------------------------------------------------------

/** What a route's `run` returns: the answer's body (sent as `{ ok: true, …body }`), or a refusal. */
export type RouteOutcome<T extends object, X extends object = object> =
  | { ok: true; body: T; status?: number; invalidates?: readonly string[] }
  | Refusal<Partial<X>>;

interface RouteInput<P, B> {
  params: P;
  body: B;
  query: URLSearchParams;
}

export interface RouteSpec<P, B, R extends Resource, T extends object, X extends object> {
  permission: PermissionOf<RouteInput<P, B>>;
  // The route's path parameters; a value that does not parse is a 404 (nobody learns more).
  params?: z.ZodType<P>;
  // A JSON body, read up to `limit` bytes.
  // `unreadable` is said when it is not JSON, `invalid` when it does not parse (else its first problem).
  body?: { schema: z.ZodType<B>; limit: number; unreadable?: string; invalid?: string };
  resource?: (params: P) => Promise<R | null>;
  missing?: string;
  // A name for the request log (method and route); routes that fire every few seconds leave it out.
  log?: string;
  run: (input: RouteInput<P, B>, caller: Caller<R> & { request: Request }) => Promise<RouteOutcome<T, X>>;
}

export function answer(outcome: Refusal | { ok: true; body: object; status?: number }): Response {
  if (outcome.ok) return Response.json({ ok: true, ...outcome.body }, { status: outcome.status ?? 200, headers: NO_STORE });
  return Response.json(outcome, { status: REFUSAL_STATUS[outcome.reason as ServerRefusalReason] ?? 400, headers: NO_STORE });
}

type RouteContextLike = { params: Promise<Record<string, string | string[]>> };

/** A newsroom JSON route handler: `(request, context) => Response`. */
export function adminRoute<P = undefined, B = undefined, R extends Resource = Resource, T extends object = object, X extends object = object>(
  spec: RouteSpec<P, B, R, T, X>,
): (request: Request, context?: RouteContextLike) => Promise<Response> {
  return (request, context) => {
    const handle = async () => answer(await runRoute(spec, request, context));
    return spec.log ? withRequestLog(request, spec.log, handle) : handle();
  };
}

async function runRoute<P, B, R extends Resource, T extends object, X extends object>(
  spec: RouteSpec<P, B, R, T, X>,
  request: Request,
  context: RouteContextLike | undefined,
): Promise<RouteOutcome<T, X> | Refusal> {
  if (!['GET', 'HEAD'].includes(request.method) && !isOwnSiteRequest(request.headers)) return refuse('cross_site', MESSAGES.crossSite);
  const session = await getCurrentSession();
  if (!session) return refuse('signed_out', MESSAGES.signedOut);
  const { user, sessionId } = session;
  const actor = actorOf(user, request.headers);

  let params = undefined as P;
  if (spec.params) {
    const parsed = spec.params.safeParse(await context?.params);
    if (!parsed.success) return refuse('not_found', spec.missing ?? 'That no longer exists.');
    params = parsed.data;
  }
  const found = await findResource(spec, params);
  if (!found.ok) return found;
  const { resource } = found;
  const query = new URL(request.url).searchParams;
  // A permission that does not depend on the body is decided before the body is read.
  if (typeof spec.permission !== 'function') {
    const refused = refusedBy(ruleOf(spec.permission), user, resource);
    if (refused) return refused;
  }
  let body = undefined as B;
  if (spec.body) {
    const read = await readJsonBody(request, spec.body.limit);
    if (!read.ok) {
      return read.reason === 'too_large' ? refuse('too_large', MESSAGES.tooLarge) : refuse('unreadable', spec.body.unreadable ?? MESSAGES.unreadable);
    }
    const parsed = spec.body.schema.safeParse(read.value);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      return refuse('invalid', spec.body.invalid ?? Object.values(fieldErrors)[0]?.[0] ?? MESSAGES.invalid, { fieldErrors });
    }
    body = parsed.data;
  }
  const input = { params, body, query };
  if (typeof spec.permission === 'function') {
    const refused = refusedBy(ruleOf(spec.permission(input)), user, resource);
    if (refused) return refused;
  }
  const outcome = await spec.run(input, { user, actor, sessionId, resource, request });
  if (outcome.ok && outcome.invalidates?.length) await expireTags(outcome.invalidates);
  return outcome;
}
