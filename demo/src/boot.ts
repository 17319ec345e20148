/**
 * Every demo page starts here: the mock server runs in the page's service worker (no backend at all), its state
 * kept in localStorage so the demo's data survives a reload. Elements load only once the worker answers.
 */
import { startMockWorker } from '@invitekit/mock-server/browser';
import { ensureSession } from './session.js';
import { renderHeader } from './app-header.js';
import './demo-toolbar.js';
import './demo.css';

export async function boot(): Promise<void> {
  ensureSession();
  await startMockWorker({ quiet: true, persistKey: 'invitekit-demo' });
  renderHeader();
}
