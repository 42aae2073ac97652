/**
 * Saves a file the page made through an `<a download>`: Chromium downloads it, Electron offers its save
 * dialog (no will-download handler sets a path). Used by the browser host's diagnostics export and the
 * knowledge search-feedback export.
 */
export function downloadFile(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; a minute covers a slow start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
