import { z } from 'zod';
import { isValidTimeZone } from './calendar';
import { NodeKind } from './network';
import { pathToString } from './problems';
import { DemoUser, Role } from './roles';
import { ApprovalMatrix, rolesNamedIn } from '../approvals/approval-matrix';

const NodeCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/, 'node codes are upper-case letters, digits and dashes');

export const RegionNode = z.strictObject({
  code: NodeCode,
  name: z.string().min(1),
  area: z.string().min(1),
  kind: NodeKind,
  /** The `stock.warehouse` code in Odoo when it differs from the node code (Odoo allows 5 characters). */
  odooWarehouseCode: z.string().min(1).max(5).optional(),
});
export type RegionNode = z.infer<typeof RegionNode>;

export const RegionLane = z.strictObject({
  from: NodeCode,
  to: NodeCode,
  transitDays: z.number().int().min(0).max(60),
  costPerUnit: z.number().nonnegative(),
  dailyCapacity: z.number().int().positive().optional(),
});

export const ServiceLevel = z.strictObject({
  abcClass: z.enum(['A', 'B', 'C']),
  targetFillRate: z.number().gt(0).max(1),
  /** Days of cover below which a node × SKU is flagged even before it runs short. */
  minDaysOfCover: z.number().int().nonnegative(),
});

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM');

export const CutOffWindow = z.strictObject({
  node: NodeCode,
  /** ISO weekdays the node ships on: 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1),
  cutOff: ClockTime,
});

export const FreshnessThresholds = z.strictObject({
  stockMinutes: z.number().int().positive(),
  demandMinutes: z.number().int().positive(),
  supplyMinutes: z.number().int().positive(),
  masterMinutes: z.number().int().positive(),
});
export type FreshnessThresholds = z.infer<typeof FreshnessThresholds>;

export const TransferMode = z.enum(['internal-picking', 'resupply-via-transit']);
export type TransferMode = z.infer<typeof TransferMode>;

/** How approved purchase lines become purchase orders: one per line, or one per supplier and receiving node. */
export const PurchaseGrouping = z.enum(['per-line', 'per-supplier']);
export type PurchaseGrouping = z.infer<typeof PurchaseGrouping>;

export const OdooConnectionProfile = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  database: z.string().min(1),
  company: z.string().min(1),
});


const SECRET_LOOKING = /(api[_-]?key|password|passwd|secret|token|private[_-]?key|credential)/i;

function findSecretLookingKeys(value: unknown, path: (string | number)[], found: (string | number)[][]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => findSecretLookingKeys(item, [...path, index], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (SECRET_LOOKING.test(key)) found.push([...path, key]);
      findSecretLookingKeys(inner, [...path, key], found);
    }
  }
}

export const RegionProfile = z
  .strictObject({
    code: z.string().regex(/^[a-z][a-z0-9-]{1,15}$/, 'region codes are lower-case, like "emea"'),
    name: z.string().min(1),
    /** Demo regions may point at a local Odoo stand-in over plain http. */
    demo: z.boolean().default(false),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR'),
    locale: z.string().refine((tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length === 1;
      } catch {
        return false;
      }
    }, 'not a valid locale tag such as en-GB'),
    timeZone: z.string().refine(isValidTimeZone, 'not an IANA time zone such as Europe/Amsterdam'),
    nodes: z.array(RegionNode).min(1),
    lanes: z.array(RegionLane),
    serviceLevels: z.array(ServiceLevel).min(1),
    cutOffWindows: z.array(CutOffWindow),
    freshness: FreshnessThresholds,
    transferMode: TransferMode,
    /** Absent means `per-line`. */
    purchaseGrouping: PurchaseGrouping.optional(),
    roles: z.array(Role).min(1),
    /** Users to choose from in the demo (no Odoo login); ignored once connected to Odoo. */
    demoUsers: z.array(DemoUser),
    approvalMatrix: ApprovalMatrix,
    odoo: OdooConnectionProfile.nullable(),
    updates: z.strictObject({ channel: z.string().regex(/^[a-z0-9-]+$/) }),
  })
  .superRefine((profile, ctx) => {
    const codes = new Set<string>();
    profile.nodes.forEach((node, index) => {
      if (codes.has(node.code)) {
        ctx.addIssue({ code: 'custom', path: ['nodes', index, 'code'], message: `duplicate node ${node.code}` });
      }
      codes.add(node.code);
    });
    const known = (code: string): boolean => codes.has(code);
    profile.lanes.forEach((lane, index) => {
      if (!known(lane.from)) ctx.addIssue({ code: 'custom', path: ['lanes', index, 'from'], message: `unknown node ${lane.from}` });
      if (!known(lane.to)) ctx.addIssue({ code: 'custom', path: ['lanes', index, 'to'], message: `unknown node ${lane.to}` });
      if (lane.from === lane.to) ctx.addIssue({ code: 'custom', path: ['lanes', index, 'to'], message: 'a lane must join two different nodes' });
    });
    profile.cutOffWindows.forEach((window, index) => {
      if (!known(window.node)) ctx.addIssue({ code: 'custom', path: ['cutOffWindows', index, 'node'], message: `unknown node ${window.node}` });
    });
    const roles = new Set<string>();
    profile.roles.forEach((role, index) => {
      if (roles.has(role.code)) ctx.addIssue({ code: 'custom', path: ['roles', index, 'code'], message: `duplicate role ${role.code}` });
      roles.add(role.code);
    });
    for (const { role, path } of rolesNamedIn(profile.approvalMatrix)) {
      if (!roles.has(role)) ctx.addIssue({ code: 'custom', path: ['approvalMatrix', ...path], message: `unknown role ${role}` });
    }
    profile.demoUsers.forEach((user, index) =>
      user.roles.forEach((role, roleIndex) => {
        if (!roles.has(role)) ctx.addIssue({ code: 'custom', path: ['demoUsers', index, 'roles', roleIndex], message: `unknown role ${role}` });
      }),
    );
    if (profile.odoo && !profile.demo && profile.odoo.url.startsWith('http://')) {
      ctx.addIssue({ code: 'custom', path: ['odoo', 'url'], message: 'a production region must reach Odoo over https://' });
    }
  });
export type RegionProfile = z.infer<typeof RegionProfile>;

/** Secret-looking keys are refused before anything else: credentials never travel in a profile. */
export function secretLookingFields(raw: unknown): string[] {
  const found: (string | number)[][] = [];
  findSecretLookingKeys(raw, [], found);
  return found.map((path) => pathToString(path));
}

export type RegionProfileResult =
  | { ok: true; profile: RegionProfile }
  | { ok: false; problems: { path: string; message: string }[] };

/** Validates a parsed region file; every bad field is reported, never only the first. */
export function parseRegionProfile(raw: unknown): RegionProfileResult {
  const secretPaths = secretLookingFields(raw);
  const secrets = secretPaths.map((path) => ({
    path,
    message: 'looks like a secret; credentials are entered by the user and never ship in a region profile',
  }));
  const parsed = RegionProfile.safeParse(raw);
  const schemaProblems = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) => {
        if (issue.code !== 'unrecognized_keys') return [{ path: pathToString(issue.path), message: issue.message }];
        // A secret-looking key is already reported above with a better reason than "unrecognized".
        const others = issue.keys.filter((key) => !secretPaths.includes(pathToString([...issue.path, key])));
        return others.map((key) => ({ path: pathToString([...issue.path, key]), message: 'not a region profile field' }));
      });
  const problems = [...secrets, ...schemaProblems];
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, profile: parsed.data };
}
