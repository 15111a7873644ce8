import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Our own instance: options set here never leak into other users of `marked` in the process. Raw HTML in a
// description is shown as the text it is, never interpreted; sanitize-html below is the second line of defence.
const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: { html: ({ text }) => escapeHtml(text) },
});

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'code',
    'pre',
    'hr',
    'h2',
    'h3',
    'h4',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], th: ['align'], td: ['align'] },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowProtocolRelative: false,
  // Headings inside a description sit below the page's own h1.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' },
    }),
  },
  disallowedTagsMode: 'discard',
};

/**
 * A course description (Markdown written by trainers) as HTML that is safe to put into a page unescaped:
 * scripts, event handlers, styles and javascript: links never survive; links open with rel=noopener.
 */
export function renderMarkdown(markdown: string | null | undefined): string {
  if (!markdown) return '';
  // `<` written by the author is text: no HTML block can swallow the Markdown after it.
  const html = marked.parse(markdown.replace(/</g, '&lt;')) as string;
  return sanitizeHtml(html, SANITIZE).trim();
}

/** The words of a description without markup, for search. */
export function markdownToText(markdown: string | null | undefined): string {
  if (!markdown) return '';
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html.replace(/<\/(p|li|h\d|td|th|blockquote|pre)>/g, ' $&'), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
