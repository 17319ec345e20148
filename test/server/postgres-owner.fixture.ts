/** A process that starts PostgreSQL and then waits to be killed (see postgres.test.ts). */
import { startPostgres } from '../../tools/postgres.js';

const server = await startPostgres();
process.stdout.write(`ready ${String(server.port)} ${server.dir}\n`);
setInterval(() => undefined, 1000);
