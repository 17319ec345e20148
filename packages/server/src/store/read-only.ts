/**
 * Reads run without BEGIN and COMMIT (sql-store.ts): each statement on its own is already atomic and sees one
 * snapshot, and under READ COMMITTED, the store's level, a transaction gives a read's statements no common
 * snapshot either, so it would only add two round trips to every read. Without a `READ ONLY` transaction,
 * PostgreSQL no longer refuses a read that writes (a bug the engine must never make); this plugin does instead,
 * before the statement leaves: only SELECTs pass, with PostgreSQL's own wording.
 */
import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  RawNode,
  SelectQueryNode,
} from 'kysely';

const VERBS: Partial<Record<OperationNode['kind'], string>> = {
  InsertQueryNode: 'INSERT',
  UpdateQueryNode: 'UPDATE',
  DeleteQueryNode: 'DELETE',
  MergeQueryNode: 'MERGE',
};

/**
 * What a statement does, or null for a read: a SELECT whose common table expressions all read, or raw SQL that
 * starts with SELECT. PostgreSQL takes a data-modifying statement only at the top or in a top-level WITH, so
 * nothing deeper needs a look.
 */
function writeVerb(node: OperationNode): string | null {
  if (node.kind === 'SelectQueryNode') {
    const ctes = (node as SelectQueryNode).with?.expressions ?? [];
    return ctes.map((cte) => writeVerb(cte.expression)).find((verb) => verb !== null) ?? null;
  }
  if (node.kind === 'RawNode') {
    const verb = /^\s*(\w+)/.exec((node as RawNode).sqlFragments[0] ?? '')?.[1]?.toUpperCase() ?? 'SQL';
    return verb === 'SELECT' ? null : verb;
  }
  return VERBS[node.kind] ?? node.kind;
}

export const readOnlyGuard: KyselyPlugin = {
  transformQuery({ node }: PluginTransformQueryArgs): PluginTransformQueryArgs['node'] {
    const verb = writeVerb(node);
    if (verb !== null) throw new Error(`cannot execute ${verb} in a read-only transaction`);
    return node;
  },
  transformResult({ result }: PluginTransformResultArgs) {
    return Promise.resolve(result);
  },
};
