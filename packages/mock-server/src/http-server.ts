/**
 * The mock as a real HTTP server: Node's `http` (`@invitekit/engine/http/node`, the adapter the production server
 * uses too) in front of the very same fetch handlers MSW uses.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StoreUnavailable } from '@invitekit/engine';
import { serveNode } from '@invitekit/engine/http/node';
import { type DataLock, lockDataFile } from './data-lock.js';
import { createFetchHandler } from './handlers.js';
import { type Mock, type MockState, createMock } from './index.js';
import { type SaveIo, loadState, removeStaleTemps, saveState } from './persistence.js';

export interface MockHttpServerOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Keep the state in this file across restarts. */
  dataFile?: string;
  /** Default: the server's own origin + `/redeem/`. */
  acceptUrl?: string;
  /** Origins granted CORS with credentials (a host app's dev server on another port). */
  allowOrigins?: readonly string[];
  /** Tests: the writes of a save, to stand in for a full disk where none can be mounted. */
  saveIo?: SaveIo;
}

export interface MockHttpServer {
  server: Server;
  mock: Mock;
  /** `http://127.0.0.1:PORT` */
  url: string;
  close(): Promise<void>;
}

export async function startMockHttpServer(options: MockHttpServerOptions = {}): Promise<MockHttpServer> {
  const { dataFile } = options;
  const lock = dataFile ? lockDataFile(dataFile) : undefined;
  try {
    return await start(options, lock);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** A change is answered only once it is on disk: a save that fails makes the operation `unavailable`. */
function saveOrRefuse(dataFile: string, state: MockState, io?: SaveIo): void {
  try {
    saveState(dataFile, state, io);
  } catch (error) {
    throw new StoreUnavailable((error as Error).message, { cause: error });
  }
}

async function start(options: MockHttpServerOptions, lock: DataLock | undefined): Promise<MockHttpServer> {
  const { dataFile } = options;
  let saved: MockState | undefined;
  if (dataFile) {
    saved = loadState(dataFile);
    removeStaleTemps(dataFile);
  }
  const mock = createMock({
    ...(saved ? { state: saved } : {}),
    ...(dataFile
      ? {
          onChange: (state: MockState) => {
            saveOrRefuse(dataFile, state, options.saveIo);
          },
        }
      : {}),
  });
  const handler = createFetchHandler(mock.engine, { allowOrigins: options.allowOrigins ?? [] });
  // Known once listening (the port may be picked by the system); no request arrives before then.
  let origin = '';
  const server = createServer();
  serveNode(server, handler, { origin: () => origin });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.address}:${address.port}`;
  mock.acceptUrl = options.acceptUrl ?? `${origin}/redeem/`;
  // A new data file is written once the port is ours, so a server that cannot start leaves no file behind.
  if (dataFile && !saved) saveState(dataFile, await mock.state());
  return {
    server,
    mock,
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          lock?.release();
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}
