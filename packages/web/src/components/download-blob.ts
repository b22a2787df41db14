/** Hand a file made in the browser to the user, as a click on a download link does. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the address after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
