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

/**
 * Copy a text Blob to the clipboard without making it a string on the main thread (a 20 MB text would cost a
 * long task to decode and more to hand over): the browser reads the Blob itself. Where ClipboardItem is
 * missing, the text is read and copied as a string. False when the browser refuses.
 */
export async function copyBlob(blob: Blob): Promise<boolean> {
  try {
    if (typeof ClipboardItem === 'function' && navigator.clipboard?.write) {
      // Called at once, inside the click: Safari and Firefox accept a clipboard write only during the gesture.
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': new Blob([blob], { type: 'text/plain' }) })]);
      return true;
    }
    return await copyText(await blob.text());
  } catch {
    return false;
  }
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
