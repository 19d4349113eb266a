// Copying a link on phones: the Clipboard API needs a secure context (https) and, in some WebViews, is
// missing altogether; the old execCommand("copy") on a selected textarea still works there.

export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // denied or unsupported: try the old way
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  // Off screen but selectable; font-size 16px keeps iOS from zooming the page.
  area.style.cssText = "position:fixed;top:0;left:-9999px;font-size:16px";
  document.body.appendChild(area);
  area.select();
  area.setSelectionRange(0, text.length);
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}
