/**
 * Statements built once per shape. A list page's statement has a dozen parts whose text depends only on a few
 * choices (its order, its status filter, whether it searches, where it starts), while its values (the
 * organization, the clock, the search text, the position) change with every request. Building and compiling it
 * with Kysely cost about 6 % of the server's CPU per list request; here it is built once per shape, with a
 * placeholder standing for each value, and each request fills its own values into the compiled parameters.
 *
 * The build function sees the shape and the values only, and must use the values as values (parameters), never to
 * choose what it builds: whatever changes the text belongs in the shape. A placeholder turned into text or
 * compared by order throws (it has no primitive value), so that mistake cannot pass unnoticed either.
 */
import { type CompiledQuery, type Kysely, type RawBuilder, createQueryId } from 'kysely';

/** Stands for the value `name` in a statement built once; replaced by the request's value in its parameters. */
class Placeholder {
  constructor(readonly name: string) {}

  [Symbol.toPrimitive](): never {
    throw new Error(`The statement's value "${this.name}" was used to build its text; it belongs in the shape`);
  }
}

/** More shapes than a host's lists use (every order, filter and position of the invitation list is a few hundred). */
const MAX_SHAPES = 1_000;

export class StatementCache<Db, Shape, Values extends Record<string, unknown>> {
  readonly #compiled = new Map<string, CompiledQuery>();

  constructor(private readonly build: (db: Kysely<Db>, shape: Shape, values: Values) => RawBuilder<unknown>) {}

  /**
   * The statement of `shape` with `values`. The first of a shape is compiled through `db` and its plugins (the
   * read path's guard sees it then); both databases compile PostgreSQL's text, so the shape is the whole key.
   */
  statement(db: Kysely<Db>, shape: Shape, values: Values): CompiledQuery {
    const key = JSON.stringify(shape);
    let compiled = this.#compiled.get(key);
    if (!compiled) {
      const placeholders = Object.fromEntries(Object.keys(values).map((name) => [name, new Placeholder(name)]));
      compiled = this.build(db, shape, placeholders as Values).compile(db);
      if (this.#compiled.size >= MAX_SHAPES) this.#compiled.delete(this.#compiled.keys().next().value as string);
      this.#compiled.set(key, compiled);
    }
    const parameters = compiled.parameters.map((p) => (p instanceof Placeholder ? values[p.name] : p));
    return { ...compiled, queryId: createQueryId(), parameters };
  }
}
