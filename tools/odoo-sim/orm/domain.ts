import { pythonRepr } from '../rpc/python-repr';
import type { Env } from './env';
import { OdooError, valueError } from './errors';
import type { Field, ModelDef, Row } from './model-spec';
import { displayName, fieldValue } from './values';

export type Predicate = (row: Row) => boolean;

const TERM_OPERATORS = new Set([
  '=', '!=', '<=', '<', '>', '>=', '=?', '=like', '=ilike', 'like', 'not like', 'ilike', 'not ilike',
  'in', 'not in', 'child_of', 'parent_of', 'any', 'not any',
]);
const NEGATIVE = new Set(['!=', 'not like', 'not ilike', 'not in']);
const POSITIVE_OF: Record<string, string> = { '!=': '=', 'not like': 'like', 'not ilike': 'ilike', 'not in': 'in' };

type Leaf = [string, string, unknown];
type Node =
  | { kind: 'leaf'; leaf: Leaf }
  | { kind: 'and' | 'or'; children: Node[] }
  | { kind: 'not'; child: Node }
  | { kind: 'const'; value: boolean };

/** What a search can use to avoid a full scan: an id floor, a candidate set, a range on the sort key. */
export interface DomainHints {
  idFloor?: { value: number; inclusive: boolean };
  candidates?: Set<number> | number[];
  ranges: Map<string, { value: unknown; inclusive: boolean }>;
}

export interface CompiledDomain {
  test: Predicate;
  hints: DomainHints;
  /** Mentions `active` somewhere, which switches off the implicit active filter (Odoo 17/18 rule). */
  mentionsActive: boolean;
  alwaysFalse: boolean;
}

function isLeaf(item: unknown): item is unknown[] {
  return Array.isArray(item);
}

function parse(domain: unknown): Node {
  if (domain === false || domain === null || domain === undefined) return { kind: 'const', value: true };
  if (!Array.isArray(domain)) throw new OdooError('builtins.AssertionError', "Domains to normalize must have a 'domain' form: a list or tuple of domain components");
  const stack: Node[] = [];
  for (let i = domain.length - 1; i >= 0; i--) {
    const item: unknown = domain[i];
    if (item === '!') {
      const child = stack.pop();
      if (!child) throw valueError(`Domain ${pythonRepr(domain)} is syntactically not correct.`);
      stack.push({ kind: 'not', child });
    } else if (item === '&' || item === '|') {
      const left = stack.pop();
      const right = stack.pop();
      if (!left || !right) throw valueError(`Domain ${pythonRepr(domain)} is syntactically not correct.`);
      stack.push({ kind: item === '&' ? 'and' : 'or', children: [left, right] });
    } else if (isLeaf(item) && item.length !== 3) {
      throw valueError(item.length < 3 ? `not enough values to unpack (expected 3, got ${item.length})` : 'too many values to unpack (expected 3)');
    } else if (isLeaf(item)) {
      const [left, rawOp, right] = item;
      if ((left === 1 || left === 0) && rawOp === '=' && right === 1) {
        stack.push({ kind: 'const', value: left === 1 });
        continue;
      }
      const op = typeof rawOp === 'string' ? (rawOp.toLowerCase() === '<>' ? '!=' : rawOp.toLowerCase()) : rawOp;
      if (typeof left !== 'string' || typeof op !== 'string' || !TERM_OPERATORS.has(op)) throw valueError(`Invalid leaf ${pythonRepr(item, true)}`);
      if ((op === 'in' || op === 'not in') && !Array.isArray(right)) throw valueError(`Invalid domain term ${pythonRepr([left, op, right], true)}`);
      stack.push({ kind: 'leaf', leaf: [left, op, right] });
    } else {
      throw valueError(`Invalid leaf ${pythonRepr(item, Array.isArray(item))}`);
    }
  }
  if (stack.length === 1 && stack[0]) return stack[0];
  return { kind: 'and', children: stack.reverse() };
}

function topConjuncts(node: Node): Node[] {
  if (node.kind === 'and') return node.children.flatMap(topConjuncts);
  return [node];
}

function mentionsActive(node: Node): boolean {
  if (node.kind === 'leaf') return node.leaf[0] === 'active';
  if (node.kind === 'not') return mentionsActive(node.child);
  if (node.kind === 'const') return false;
  return node.children.some(mentionsActive);
}

export function compileDomain(env: Env, def: ModelDef, domain: unknown): CompiledDomain {
  const root = parse(domain);
  const hints: DomainHints = { ranges: new Map() };
  for (const node of topConjuncts(root)) {
    if (node.kind !== 'leaf') continue;
    const [left, op, right] = node.leaf;
    if (left === 'id' && (op === '>' || op === '>=') && typeof right === 'number') {
      if (!hints.idFloor || right > hints.idFloor.value) hints.idFloor = { value: right, inclusive: op === '>=' };
    } else if (left === 'id' && op === 'in' && Array.isArray(right)) {
      hints.candidates = right.filter((id): id is number => typeof id === 'number');
    } else if (left === 'id' && op === '=' && typeof right === 'number') {
      hints.candidates = [right];
    } else if ((op === '=' || op === 'in') && !hints.candidates) {
      const table = env.db.table(def.name);
      const values: unknown[] = op === 'in' ? (Array.isArray(right) ? right : [right]) : [right];
      // Unset values are not indexed, so only lists of real values can use the index; a string
      // on a many2one is a name search, not an id.
      const relational = def.fields.get(left)?.type === 'many2one';
      if (table.hasIndex(left) && values.every((value) => typeof value === 'number' || (!relational && typeof value === 'string' && value !== ''))) {
        const set = new Set<number>();
        for (const value of values) for (const id of table.lookup(left, value) ?? []) set.add(id);
        hints.candidates = set;
      }
    } else if ((op === '>' || op === '>=') && typeof right === 'string') {
      hints.ranges.set(left, { value: right, inclusive: op === '>=' });
    }
  }
  const compiled = compileNode(env, def, root);
  return { test: compiled, hints, mentionsActive: mentionsActive(root), alwaysFalse: root.kind === 'const' && !root.value };
}

function compileNode(env: Env, def: ModelDef, node: Node): Predicate {
  switch (node.kind) {
    case 'const':
      return node.value ? () => true : () => false;
    case 'not': {
      const child = compileNode(env, def, node.child);
      return (row) => !child(row);
    }
    case 'and': {
      const children = node.children.map((child) => compileNode(env, def, child));
      if (children.length === 0) return () => true;
      if (children.length === 1 && children[0]) return children[0];
      return (row) => children.every((child) => child(row));
    }
    case 'or': {
      const children = node.children.map((child) => compileNode(env, def, child));
      return (row) => children.some((child) => child(row));
    }
    case 'leaf':
      return compileLeaf(env, def, node.leaf);
  }
}

function compileLeaf(env: Env, def: ModelDef, leaf: Leaf): Predicate {
  const [left, op, right] = leaf;
  const path = left.split('.');
  const head = path[0] ?? '';
  const field = def.fields.get(head);
  if (!field) throw valueError(`Invalid field ${def.name}.${head} in leaf ${pythonRepr(leaf, true)}`);
  if (path.length > 1) {
    if (!field.relation || (field.type !== 'many2one' && field.type !== 'one2many' && field.type !== 'many2many')) {
      throw valueError(`Invalid field ${def.name}.${head} in leaf ${pythonRepr(leaf, true)}`);
    }
    const comodel = env.model(field.relation);
    const sub = compileLeaf(env, comodel, [path.slice(1).join('.'), op, right]);
    return relationalTest(env, def, field, comodel, sub);
  }
  if (op === 'any' || op === 'not any') {
    if (!field.relation) throw valueError(`Invalid leaf ${pythonRepr(leaf, true)}`);
    const comodel = env.model(field.relation);
    const subDomain = compileDomain(field.type === 'many2one' ? env.withContext({ active_test: false }) : env, comodel, right);
    const activeFilter = field.type !== 'many2one' && comodel.hasActive && env.context.active_test !== false && !subDomain.mentionsActive;
    const sub: Predicate = activeFilter ? (row) => row.active !== false && subDomain.test(row) : subDomain.test;
    const positive = relationalTest(env, def, field, comodel, sub);
    return op === 'any' ? positive : (row) => !positive(row);
  }
  if (op === 'child_of' || op === 'parent_of') return hierarchyTest(env, def, field, op, right);
  if (field.type === 'many2one' || field.type === 'one2many' || field.type === 'many2many') return relationalValueTest(env, def, field, op, right);
  const get = getter(env, def, field);
  const compare = scalarComparator(field, op, right);
  return (row) => compare(get(row));
}

function getter(env: Env, def: ModelDef, field: Field): (row: Row) => unknown {
  if (field.store && field.type !== 'one2many') {
    const name = field.name;
    if (field.type === 'many2many') return (row) => row[name] ?? [];
    return (row) => {
      const value = row[name];
      return value === undefined || value === null ? false : value;
    };
  }
  return (row) => fieldValue(env, def, field, row);
}

function relationalTest(env: Env, def: ModelDef, field: Field, comodel: ModelDef, sub: Predicate): Predicate {
  const table = env.db.table(comodel.name);
  const get = getter(env, def, field);
  if (field.type === 'many2one') {
    return (row) => {
      const id = get(row);
      if (typeof id !== 'number') return false;
      const target = table.get(id);
      return target !== undefined && sub(target);
    };
  }
  return (row) => {
    const ids = get(row) as number[];
    for (const id of ids) {
      const target = table.get(id);
      if (target && sub(target)) return true;
    }
    return false;
  };
}

function hierarchyTest(env: Env, def: ModelDef, field: Field, op: 'child_of' | 'parent_of', right: unknown): Predicate {
  const targetModel = field.name === 'id' ? def : field.relation ? env.model(field.relation) : undefined;
  if (!targetModel) throw valueError(`Invalid field ${def.name}.${field.name} for ${op}`);
  const table = env.db.table(targetModel.name);
  const parentName = targetModel.parentName;
  if (!parentName) throw new OdooError('builtins.KeyError', 'parent_id', ['parent_id'], 'parent_id');
  let roots: number[];
  if (typeof right === 'number') roots = [right];
  else if (Array.isArray(right)) roots = right.filter((id): id is number => typeof id === 'number');
  else if (typeof right === 'string') {
    roots = [];
    for (const row of table.rows.values()) {
      const name = displayName(env, targetModel, row);
      if (typeof name === 'string' && name.toLowerCase().includes(right.toLowerCase())) roots.push(row.id);
    }
  } else roots = [];
  const ids = new Set<number>(roots.filter((id) => table.get(id)));
  if (parentName) {
    if (op === 'child_of') {
      const children = new Map<number, number[]>();
      for (const row of table.rows.values()) {
        const parent = row[parentName];
        if (typeof parent === 'number') {
          let list = children.get(parent);
          if (!list) children.set(parent, (list = []));
          list.push(row.id);
        }
      }
      const stack = [...ids];
      while (stack.length > 0) {
        const id = stack.pop() as number;
        for (const child of children.get(id) ?? []) if (!ids.has(child)) {
          ids.add(child);
          stack.push(child);
        }
      }
    } else {
      for (const id of [...ids]) {
        let parent = table.get(id)?.[parentName];
        while (typeof parent === 'number' && !ids.has(parent)) {
          ids.add(parent);
          parent = table.get(parent)?.[parentName];
        }
      }
    }
  }
  if (field.name === 'id') return (row) => ids.has(row.id);
  const get = getter(env, def, field);
  if (field.type === 'many2one') return (row) => {
    const value = get(row);
    return typeof value === 'number' && ids.has(value);
  };
  return (row) => (get(row) as number[]).some((id) => ids.has(id));
}

function relationalValueTest(env: Env, def: ModelDef, field: Field, op: string, right: unknown): Predicate {
  const get = getter(env, def, field);
  const comodel = env.model(field.relation ?? '');
  const nameBased = typeof right === 'string' || (Array.isArray(right) && right.some((item) => typeof item === 'string')) || op.includes('like');
  const negative = NEGATIVE.has(op);
  const positiveOp = negative ? (POSITIVE_OF[op] ?? op) : op;
  let matchOne: (id: number) => boolean;
  if (nameBased) {
    const nameField: Field = { type: 'char', string: 'Name', name: 'display_name', store: false };
    const compare = scalarComparator(nameField, positiveOp === '=?' ? '=' : positiveOp, right);
    const table = env.db.table(comodel.name);
    matchOne = (id) => {
      const target = table.get(id);
      return target !== undefined && compare(displayName(env, comodel, target));
    };
  } else {
    const values = positiveOp === 'in' ? (Array.isArray(right) ? right : [right]) : [right];
    if (positiveOp === '=?' && (right === false || right === null)) return () => true;
    if (positiveOp === '=' || positiveOp === '=?' || positiveOp === 'in') {
      const wanted = new Set<unknown>(values.map((value) => (value === null ? false : value)));
      const wantsUnset = wanted.has(false);
      if (field.type === 'many2one') {
        const positive: Predicate = (row) => {
          const value = get(row);
          return typeof value === 'number' ? wanted.has(value) : wantsUnset;
        };
        return negative ? (row) => !positive(row) : positive;
      }
      const positive: Predicate = (row) => {
        const ids = get(row) as number[];
        if (ids.length === 0) return wantsUnset;
        return ids.some((id) => wanted.has(id));
      };
      return negative ? (row) => !positive(row) : positive;
    }
    // Ordering comparisons on a relation compare ids (rare, but valid SQL in Odoo).
    const compare = scalarComparator({ type: 'integer', string: 'ID', name: 'id', store: true }, positiveOp, right);
    matchOne = (id) => compare(id);
  }
  const positive: Predicate =
    field.type === 'many2one'
      ? (row) => {
          const value = get(row);
          return typeof value === 'number' && matchOne(value);
        }
      : (row) => (get(row) as number[]).some(matchOne);
  return negative ? (row) => !positive(row) : positive;
}

function likeToRegExp(pattern: string, insensitive: boolean, wrap: boolean): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? '';
    if (char === '\\' && i + 1 < pattern.length) {
      source += (pattern[++i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(wrap ? source : `^${source}$`, insensitive ? 'is' : 's');
}

function normaliseScalar(field: Field, op: string, value: unknown): unknown {
  if (field.type === 'datetime' && typeof value === 'string' && value.length === 10) {
    return value + (op === '>' || op === '<=' ? ' 23:59:59' : ' 00:00:00');
  }
  return value;
}

function scalarComparator(field: Field, op: string, rawRight: unknown): (value: unknown) => boolean {
  const right = normaliseScalar(field, op, rawRight);
  const isUnset = (value: unknown): boolean => value === false || value === null || value === undefined;
  switch (op) {
    case '=?':
      if (rawRight === false || rawRight === null || rawRight === undefined) return () => true;
      return scalarComparator(field, '=', rawRight);
    case '=':
    case '!=': {
      let positive: (value: unknown) => boolean;
      if (isUnset(right)) {
        positive = field.type === 'boolean' ? (value) => value === false || isUnset(value) : (value) => isUnset(value);
        if (field.type === 'integer' || field.type === 'float' || field.type === 'monetary') positive = (value) => isUnset(value);
      } else if (typeof right === 'number' && (field.type === 'float' || field.type === 'monetary' || field.type === 'integer')) {
        positive = (value) => typeof value === 'number' && value === right;
      } else if (field.type === 'boolean') {
        const wanted = Boolean(right);
        positive = (value) => (value === true) === wanted;
      } else positive = (value) => value === right;
      return op === '=' ? positive : (value) => !positive(value);
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (isUnset(right)) return () => false;
      return (value) => {
        if (isUnset(value)) return false;
        const a = value as number | string;
        const b = right as number | string;
        if (op === '<') return a < b;
        if (op === '<=') return a <= b;
        if (op === '>') return a > b;
        return a >= b;
      };
    }
    case 'in':
    case 'not in': {
      const list = Array.isArray(right) ? right : [right];
      const set = new Set<unknown>(list.map((item) => (item === null ? false : item)));
      const wantsUnset = set.has(false);
      const positive = (value: unknown): boolean => (isUnset(value) ? wantsUnset || (field.type === 'boolean' && set.has(false)) : set.has(value));
      return op === 'in' ? positive : (value) => !positive(value);
    }
    case 'like':
    case 'ilike':
    case 'not like':
    case 'not ilike':
    case '=like':
    case '=ilike': {
      const insensitive = op.includes('ilike');
      const wrap = !op.startsWith('=');
      const pattern = likeToRegExp(String(right === false || right === null ? '' : right), insensitive, wrap);
      const positive = (value: unknown): boolean => !isUnset(value) && pattern.test(String(value));
      return op.startsWith('not') ? (value) => !positive(value) : positive;
    }
    default:
      throw valueError(`Invalid leaf ${pythonRepr([field.name, op, rawRight], true)}`);
  }
}
