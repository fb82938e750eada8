// Hands a file made in the page to the user: a download in the browser host; in the desktop app Electron
// turns the same download into a save dialog.
export function saveFile(contents: Blob, fileName: string): void {
  const url = URL.createObjectURL(contents);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; the delay covers slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A base64 data URL (a canvas's PNG) as a Blob; decoded here, since the CSP does not let fetch read data:. */
export function blobOfDataUrl(dataUrl: string): Blob {
  const match = /^data:([^;,]+);base64,(.*)$/.exec(dataUrl);
  if (!match?.[1] || match[2] === undefined) throw new Error('The figure could not be turned into a file.');
  const text = atob(match[2]);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
  return new Blob([bytes], { type: match[1] });
}
