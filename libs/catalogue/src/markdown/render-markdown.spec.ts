import { markdownToText, renderMarkdown } from './render-markdown';

describe('course descriptions in Markdown', () => {
  it('render the usual Markdown', () => {
    const html = renderMarkdown('## Wat je leert\n\n- grenzen **stellen**\n- *nee* zeggen');
    expect(html).toContain('<h2>Wat je leert</h2>');
    expect(html).toContain('<li>grenzen <strong>stellen</strong></li>');
    expect(html).toContain('<em>nee</em>');
  });

  it.each([
    ['a script element', '<script>alert(1)</script>'],
    ['a script inside a paragraph', 'Welkom <script>document.cookie</script> allemaal'],
    ['an event handler', '<img src="x" onerror="alert(1)">'],
    ['a javascript: link', '[klik](javascript:alert(1))'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['a style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
    ['an svg with script', '<svg><script>alert(1)</script></svg>'],
  ])('never lets %s through', (_label, markdown) => {
    const html = renderMarkdown(markdown);
    // Shown as text (&lt;script&gt;) is harmless; a real element or attribute is not.
    expect(html).not.toMatch(/<(script|iframe|svg|img)\b/i);
    expect(html).not.toMatch(/<[^>]*\s(on\w+|style)=/i);
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it('shows raw HTML as text and still renders the Markdown after it', () => {
    const html = renderMarkdown('<script>alert(1)</script> Zie [de site](https://example.org).');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<a href="https://example.org"');
  });

  it('opens links with rel=noopener (and noreferrer) in a new tab', () => {
    const html = renderMarkdown('Meer op [humanitas.nl](https://www.humanitas.nl).');
    expect(html).toMatch(
      /<a href="https:\/\/www\.humanitas\.nl" rel="noopener noreferrer nofollow" target="_blank">/,
    );
  });

  it('demotes a top heading below the page title', () => {
    expect(renderMarkdown('# Inhoud')).toBe('<h2>Inhoud</h2>');
  });

  it('gives the words without markup for search', () => {
    expect(markdownToText('## Inhoud\n\nGrenzen **stellen** & [meer](https://example.org)')).toBe(
      'Inhoud Grenzen stellen & meer',
    );
  });

  it('renders nothing for an empty description', () => {
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown(null)).toBe('');
  });
});
