/**
 * Escaping for the report: scenario text becomes HTML text, JSON and scripts are made
 * safe to place inside `<script>` elements.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values (& < > " ').
 * @example escapeHtml('<b>"A&B"</b>') // '&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * JSON for a `<script type="application/json">` element: `<` is written `\u003c` (so
 * neither `</script>` nor `<!--` can appear), and U+2028/U+2029 are escaped too.
 * `JSON.parse` of the element's text returns the original value.
 * @example jsonForScript({ a: '</script>' }) // '{"a":"\\u003c/script>"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A library's JavaScript made safe to inline in `<script>`: `</script` and `<!--` are
 * broken up (`<\/script`, `<\!--`, equivalent inside JS strings and regexes), and source-map
 * comments are dropped so no tool tries to fetch a map.
 * @example inlineScript('x="</script>"') // 'x="<\\/script>"'
 */
export function inlineScript(js: string): string {
  return js
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\!--')
    .replace(/^\/\/# sourceMappingURL=.*$/gm, '');
}
