/**
 * Who may do what: THE permission rule of Casemark, pure. `can()` answers yes or no;
 * `caseScopeFor()` says, as data, which cases of an inspection an actor may see or mark — the
 * same rule, which lib/access/scope.ts turns into a Prisma `where` and the SQL guard of the
 * one-statement answer write. No I/O: the caller supplies the actor and what it knows of the
 * resource (the actor's role in the inspection, its status, the case's inspector), loaded by
 * lib/access/context.ts.
 */

export type TeamRole = 'lead_inspector' | 'inspector' | 'manager' | 'quality_assurer';
export type InspectionStatus = 'set_up' | 'fieldwork' | 'panel' | 'published';

export interface Actor {
  id: string;
  isAdmin: boolean;
}

/**
 * A process acting on its own account rather than a person's: a CLI command run by whoever may
 * run commands on the server, or the live panel's recompute shared by every viewer (each viewer
 * is checked before anything is sent to them). It may read, never write.
 */
interface SystemActor {
  readonly kind: 'system';
  /** What it is, for logs and audit: 'cli:inspection export', 'panel stream'. */
  readonly purpose: string;
}

/** Whoever is asking: a signed-in user, or the system itself. */
export type Principal = Actor | SystemActor;

export const systemActor = (purpose: string): SystemActor => ({ kind: 'system', purpose });

export function isSystemActor(principal: Principal): principal is SystemActor {
  return 'kind' in principal && principal.kind === 'system';
}

/** What a system actor may do: read. */
const SYSTEM_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'inspection.view',
  'case.view',
  'cases.viewAll',
  'panel.view',
  'export.download',
]);

export interface InspectionScope {
  /** The actor's role on this inspection's team, or null when not on the team. */
  role: TeamRole | null;
  status: InspectionStatus;
  /** The lead inspector lets the team see the ratings panel (read-only). */
  isPanelVisibleToTeam?: boolean;
  /**
   * Blind second marking: the actor has a second marking on this inspection not yet submitted.
   * Until they submit, no figure built on the first marking is theirs to see (see {@link isBlindTo}).
   */
  isBlindSecondMarker?: boolean;
}

export interface CaseScope extends InspectionScope {
  /** The inspector the case is allocated to, or null. */
  inspectorId: string | null;
  /** The case's second inspector while their blind second marking is not submitted, or null. */
  blindSecondMarkerId?: string | null;
}

/** A second marking of a case, as far as permissions need it. */
export interface SecondMarkingScope {
  markerId: string;
  isSubmitted: boolean;
}

export type Action =
  | 'inspection.view'
  | 'inspection.manage' // set-up: team, cases, allocation, status
  | 'case.view'
  | 'cases.viewAll' // every case of the inspection, with its inspector, answers and notes
  | 'case.mark' // record answers on a case
  | 'case.reopen' // reopen a completed case
  | 'panel.view'
  | 'panel.decide' // qualitative judgements and ratings-panel decisions
  | 'export.download'
  | 'case.review' // quality assurance: raise, resolve and re-open queries; record a case as reviewed
  | 'case.answerQuery' // reply to a query on a marked answer
  | 'secondMarking.assign' // pick a case and a second inspector for blind second marking
  | 'secondMarking.mark' // record and submit one's own blind second marking
  | 'secondMarking.compare' // both markings of a case side by side
  | 'secondMarking.reconcile' // record the agreed answer on a disagreement
  | 'agreement.view' // agreement between first and second markings, and its export
  | 'admin.manage'; // users and services

type Resource = { inspection?: InspectionScope; case?: CaseScope; secondMarking?: SecondMarkingScope };

/**
 * Blind second marking (issue 13): what the first marking of a case would show a second inspector
 * who has not yet submitted their own. Refused to them, whoever they otherwise are:
 * - on the case they second mark: the case itself (task list, standard pages, check answers,
 *   review, queries) — every page and action that reads its first marking;
 * - across the inspection: the ratings panel and its live stream, the inspection-wide figures on
 *   the marking pages and in the save action's answer, every case, the exports and agreement —
 *   any of them counts the first marking of the case they are second marking.
 * Their own allocated cases stay theirs to mark.
 */
const BLIND_ACROSS_INSPECTION: ReadonlySet<Action> = new Set<Action>([
  'panel.view',
  'cases.viewAll',
  'export.download',
  'case.review',
  'agreement.view',
]);

/**
 * The actions on one case that read or change its first marking: refused on the case someone
 * second marks. Listed, not inferred from the action's name, so a new action is blind only by
 * being put here (and the answer write's SQL guard asks `can()` itself: lib/access/scope.ts).
 */
const BLIND_ON_CASE: ReadonlySet<Action> = new Set<Action>(['case.view', 'case.mark', 'case.reopen', 'case.review', 'case.answerQuery']);

/** Whether the blind rule refuses `action` to `actor` on this resource. */
export function isBlindTo(actor: Actor, action: Action, resource: Resource): boolean {
  const scope = resource.case ?? resource.inspection;
  if (!scope) return false;
  if (resource.case && resource.case.blindSecondMarkerId === actor.id && BLIND_ON_CASE.has(action)) return true;
  return scope.isBlindSecondMarker === true && BLIND_ACROSS_INSPECTION.has(action);
}

const isMember = (scope: InspectionScope | undefined): scope is InspectionScope & { role: TeamRole } => scope?.role != null;

/** The inspection statuses in which cases are marked: fieldwork only. */
export const MARKING_STATUSES: readonly InspectionStatus[] = ['fieldwork'];
/** Queries on marked answers are raised and answered in fieldwork and at the ratings panel. */
const QUERY_STATUSES: readonly InspectionStatus[] = ['fieldwork', 'panel'];

/** The actions on one case that depend on who the case is allocated to. */
export type CaseAction = 'case.view' | 'case.mark' | 'case.answerQuery';

/**
 * Which cases of one inspection an actor may `action`, as data: every case, the cases allocated
 * to one inspector, or none. The one place that says an inspector may see, mark and answer
 * queries on only the cases allocated to them. `can()` reads it for one case;
 * lib/access/scope.ts renders it as a Prisma `where` (lists) and as the SQL guard of the answer
 * write, so the three cannot disagree.
 */
export type CaseFilter = { readonly all: true } | { readonly inspectorId: string } | { readonly none: true };

const ALL: CaseFilter = { all: true };
const NONE: CaseFilter = { none: true };

export function caseScopeFor(actor: Principal, action: CaseAction, scope: InspectionScope): CaseFilter {
  // The system reads every case and writes none.
  if (isSystemActor(actor)) return action === 'case.view' ? ALL : NONE;
  const role = scope.role;
  const own: CaseFilter = { inspectorId: actor.id };
  switch (action) {
    case 'case.view':
      // A blind second marker sees only the cases allocated to them, whoever they are (admins
      // too): every case would include the one they second mark (issue 21).
      if (scope.isBlindSecondMarker === true && BLIND_ACROSS_INSPECTION.has('cases.viewAll'))
        return role === 'inspector' || role === 'lead_inspector' ? own : NONE;
      // Inspectors see the cases allocated to them; the lead, managers, quality assurers and admins every case.
      if (actor.isAdmin) return ALL;
      if (role === 'lead_inspector' || role === 'manager' || role === 'quality_assurer') return ALL;
      return role === 'inspector' ? own : NONE;
    case 'case.mark':
      // Only in fieldwork; the lead marks any case, an inspector only their own. Being an admin
      // adds nothing: an admin on the team as an inspector marks only the cases allocated to them.
      if (!MARKING_STATUSES.includes(scope.status)) return NONE;
      if (role === 'lead_inspector') return ALL;
      return role === 'inspector' ? own : NONE;
    case 'case.answerQuery':
      if (!QUERY_STATUSES.includes(scope.status)) return NONE;
      if (role === 'lead_inspector') return ALL;
      return role === 'inspector' ? own : NONE;
  }
}

export const TEAM_ROLES: readonly TeamRole[] = ['lead_inspector', 'inspector', 'manager', 'quality_assurer'];

/**
 * The team roles that may be allocated cases: those that mark in fieldwork (the lead and
 * inspectors), read from `caseScopeFor()` itself. Set-up, the CSV import and role changes use it.
 */
export function allocatableRoles(): TeamRole[] {
  const member = { id: 'member', isAdmin: false };
  return TEAM_ROLES.filter((role) => !('none' in caseScopeFor(member, 'case.mark', { role, status: 'fieldwork' })));
}

/** Whether a case allocated to `inspectorId` is inside `filter`. */
export function caseFilterAllows(filter: CaseFilter, inspectorId: string | null): boolean {
  if ('all' in filter) return true;
  if ('inspectorId' in filter) return inspectorId !== null && inspectorId === filter.inspectorId;
  return false;
}

/**
 * Whether `actor` may do `action` to the resource. Unknown combinations are refused.
 *
 * - Admins may do everything except mark: they mark only as the team's lead, or as an inspector
 *   on the team the cases allocated to them (which cases: `caseScopeFor` above).
 * - Leads may do everything on their inspection; they may mark any case.
 * - Inspectors may view the inspection and the cases allocated to them, and mark those
 *   while the inspection is in fieldwork; they see the panel only if the lead allows it.
 * - The system (a CLI command, the shared panel recompute) may read, never write.
 * - Managers are read-only: they view, see the panel and download exports.
 * - Quality assurers read every case and raise queries on marked answers; they never mark, and
 *   see the panel only if the lead allows the team to.
 * - Queries are raised and answered while the inspection is in fieldwork or at the ratings panel.
 */
export function can(principal: Principal, action: Action, resource: Resource = {}): boolean {
  const scope = resource.case ?? resource.inspection;
  if (isSystemActor(principal)) return SYSTEM_ACTIONS.has(action) && scope !== undefined;
  const actor = principal;
  if (action === 'admin.manage') return actor.isAdmin;
  if (!scope) return false;
  if (isBlindTo(actor, action, resource)) return false;
  const role = scope.role;

  switch (action) {
    case 'inspection.view':
      return actor.isAdmin || isMember(scope);
    case 'case.view':
      return caseFilterAllows(caseScopeFor(actor, action, scope), resource.case?.inspectorId ?? null);
    case 'cases.viewAll':
      return 'all' in caseScopeFor(actor, 'case.view', scope);
    case 'case.review':
      if (!QUERY_STATUSES.includes(scope.status)) return false;
      return actor.isAdmin || role === 'lead_inspector' || role === 'quality_assurer';
    case 'case.answerQuery':
    case 'case.mark':
      return resource.case !== undefined && caseFilterAllows(caseScopeFor(actor, action, resource.case), resource.case.inspectorId);
    case 'inspection.manage':
    case 'panel.decide':
    case 'case.reopen':
      return actor.isAdmin || role === 'lead_inspector';
    case 'export.download':
      return actor.isAdmin || role === 'lead_inspector' || role === 'manager';
    case 'panel.view':
      return (
        actor.isAdmin ||
        role === 'lead_inspector' ||
        role === 'manager' ||
        ((role === 'inspector' || role === 'quality_assurer') && scope.isPanelVisibleToTeam === true)
      );
    case 'secondMarking.assign':
      return scope.status === 'fieldwork' && (actor.isAdmin || role === 'lead_inspector');
    case 'secondMarking.mark': {
      const marking = resource.secondMarking;
      return (
        marking !== undefined &&
        scope.status === 'fieldwork' &&
        role === 'inspector' &&
        marking.markerId === actor.id &&
        !marking.isSubmitted
      );
    }
    case 'secondMarking.compare': {
      const marking = resource.secondMarking;
      if (!marking?.isSubmitted) return false;
      // The second inspector sees the comparison once they have submitted, and not before.
      if (marking.markerId === actor.id) return true;
      return actor.isAdmin || role === 'lead_inspector' || role === 'manager' || role === 'quality_assurer';
    }
    case 'secondMarking.reconcile':
      if (!resource.secondMarking?.isSubmitted || (scope.status !== 'fieldwork' && scope.status !== 'panel')) return false;
      return actor.isAdmin || role === 'lead_inspector';
    case 'agreement.view':
      return actor.isAdmin || role === 'lead_inspector' || role === 'manager' || role === 'quality_assurer';
    default:
      return false;
  }
}

/**
 * Why this team member cannot second mark this case, or null when they can: a second inspector
 * is an inspector on the team who is not the case's own inspector.
 */
export function explainSecondMarkerRefusal(
  candidate: { id: string; role: TeamRole | null },
  caseInspectorId: string | null,
): string | null {
  if (candidate.role !== 'inspector') return 'The second inspector must be an inspector on this inspection’s team.';
  if (candidate.id === caseInspectorId) return 'The second inspector cannot be the inspector who marked the case.';
  return null;
}

/** Why a marking action was refused, in words for the inspector. Null when allowed. */
export function explainMarkRefusal(actor: Actor, kase: CaseScope): string | null {
  if (can(actor, 'case.mark', { case: kase })) return null;
  if (kase.role == null && !actor.isAdmin) return 'You are not on this inspection’s team.';
  if (kase.status !== 'fieldwork') return 'This inspection is not in fieldwork, so its cases cannot be changed.';
  if (kase.role === 'quality_assurer')
    return 'You are this inspection’s quality assurer: you can read every case and raise queries, but not mark.';
  if (kase.role === 'inspector') return 'This case is allocated to another inspector.';
  return 'Only the case’s inspector or the lead inspector can mark this case.';
}
