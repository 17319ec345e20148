/** Saves `blob` as `fileName` through a hidden link, the one way a page starts a download without a server. */
export function downloadBlob(root: HTMLElement | DocumentFragment, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  // Revoked later, not at once: Chromium reads the blob after click() returns.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}
