/** Saves a Blob as a file through a temporary link; works offline (nothing leaves the phone). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  // In the page while clicked: some browsers ignore a click on a detached link.
  document.body.append(link);
  link.click();
  link.remove();
  // Late enough for the browser to have read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
