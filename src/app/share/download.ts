/** Save text as a file through the browser's download. */
export function downloadText(name: string, text: string, type = 'application/json') {
  downloadBlob(name, new Blob([text], { type }));
}

/** Save a Blob (e.g. built from export chunks) as a file. */
export function downloadBlob(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copy to the clipboard; false when the browser refuses (the caller shows the text to copy by hand). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
