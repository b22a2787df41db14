import { AppError } from '@potreby/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRE_HTML } from '@potreby/domain/surveys/questionnaire-html-policy';
import { MAX_DEFINITION_DEPTH, sanitiseDefinition, sanitiseHtml } from './sanitise-html';

/** Security review, issue 6, finding 1: the payload as it was found. */
const FOUND = '<img src=x onerror="fetch(\'/api/v1/session\').then(r=>r.json()).then(s=>fetch(\'/api/v1/users\',{method:\'POST\'}))">';

/** Fragments attackers put together; the property test joins them at random, with noise. */
const DANGEROUS = [
  '<script>',
  '</script>',
  'alert(1)',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="window.__pwned=1">',
  '<a href="javascript:alert(1)">',
  '<a href="java&#x09;script:alert(1)">',
  '<a href="&#106;avascript:alert(1)">',
  '<a href=" JaVaScRiPt:alert(1)">',
  '<a href="data:text/html,<script>alert(1)</script>">',
  '<a href="vbscript:x">',
  '<a href=x onclick=y>',
  'javascript:',
  ' onload=',
  ' onerror="x"',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<iframe src="javascript:alert(1)">',
  '<object data="javascript:alert(1)">',
  '<body onload=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<form action="javascript:alert(1)"><button>',
  '<button formaction="javascript:alert(1)">',
  '<table background="javascript:alert(1)"><td onmouseover=alert(1)>',
  '<p style="background:url(javascript:alert(1))">',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<style>@import "x"</style>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<p>',
  '</p>',
  '<b>',
  '<a href="https://example.org/?a=1&b=2">',
  '</a>',
  '<',
  '>',
  '"',
  "'",
  '=',
  '&',
  '\t',
  '\n',
  '\u0000',
];

const ALLOWED = new Set<string>(QUESTIONNAIRE_HTML.tags);
const ATTRIBUTES: Record<string, readonly string[]> = { ...QUESTIONNAIRE_HTML.attributes, a: [...QUESTIONNAIRE_HTML.attributes.a!, 'target', 'rel'] };
const decode = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** What must hold of any output: only allowed tags and attributes, links only to allowed schemes. */
function expectHarmless(out: string) {
  expect(out).not.toMatch(/<script/i);
  // Text keeps its "<" as &lt;, so every "<" left opens a tag: no event attribute in any of them.
  expect(out).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(out).not.toMatch(/<[^>]*javascript:/i);
  for (const [, name, attributes] of out.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    expect(ALLOWED.has(name!.toLowerCase()), `tag ${name}`).toBe(true);
    for (const [, attribute, value] of attributes!.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)) {
      expect(ATTRIBUTES[name!.toLowerCase()] ?? [], `${name} ${attribute}`).toContain(attribute);
      if (attribute === 'href') {
        // As a browser reads it: entities decoded, tabs and newlines dropped, spaces trimmed.
        const href = decode(value ?? '')
          .replace(/[\t\n\r]/g, '')
          .trim();
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
        if (scheme !== undefined) expect(QUESTIONNAIRE_HTML.linkSchemes as readonly string[]).toContain(scheme);
        expect(href.startsWith('//')).toBe(false);
      }
    }
  }
}

describe('sanitiseHtml', () => {
  it('removes the payload of the security review and keeps the text around it', () => {
    expect(sanitiseHtml(`<p>Вітаємо!</p>${FOUND}`)).toBe('<p>Вітаємо!</p>');
    expect(sanitiseHtml('<img src=x onerror=alert(1)>Добре')).toBe('Добре');
    expect(sanitiseHtml('<script>alert(1)</script><p>Текст</p>')).toBe('<p>Текст</p>');
  });

  it('keeps the formatting a questionnaire needs', () => {
    const html =
      '<h3>Про анкету</h3><p><strong>Важливо:</strong> <em>анонімно</em>, <b>так</b> <i>і</i> <u>ні</u>.<br />Далі</p><ul><li>один</li></ul><ol start="2"><li>два</li></ol><blockquote>цитата</blockquote><table><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>';
    expect(sanitiseHtml(html)).toBe(html);
  });

  it('keeps web and mail links, opening in a new tab without a way back into the form', () => {
    expect(sanitiseHtml('<a href="https://example.org/help?a=1&amp;b=2">help</a>')).toBe('<a href="https://example.org/help?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">help</a>');
    expect(sanitiseHtml('<a href="mailto:sotsialni@example.org" target="_self" rel="opener">write</a>')).toBe(
      '<a href="mailto:sotsialni@example.org" target="_blank" rel="noopener noreferrer">write</a>',
    );
  });

  it('drops javascript:, data: and protocol-relative addresses, however they are spelled', () => {
    for (const href of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', '&#106;avascript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example']) {
      expect(sanitiseHtml(`<a href="${href}">x</a>`)).toBe('<a target="_blank" rel="noopener noreferrer">x</a>');
    }
  });

  it('drops styles, classes, images, frames and forms', () => {
    expect(sanitiseHtml('<p style="color:red" class="x" id="y">a</p><iframe src="https://example.org">b</iframe><form><input value="c"></form><img src="https://tracker.example/p.gif">')).toBe('<p>a</p>');
  });

  it('leaves a text without tags as text (placeholders included)', () => {
    expect(sanitiseHtml('Дякуємо! Вам {age} років.')).toBe('Дякуємо! Вам {age} років.');
    expect(sanitiseHtml('1 < 2 & 3 > 2')).toBe('1 &lt; 2 &amp; 3 &gt; 2');
  });

  it('never lets a script, an event attribute or a javascript: link through, whatever the fragments (property)', () => {
    const piece = fc.oneof(fc.constantFrom(...DANGEROUS), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        expectHarmless(sanitiseHtml(pieces.join('')));
      }),
      { numRuns: 2000 },
    );
  }, 30_000);
});

describe('sanitiseDefinition', () => {
  it('cleans notes in every language and the HTML texts of the survey, and leaves the rest as it was', () => {
    const definition = {
      locale: 'uk',
      title: { uk: '<img src=x onerror=alert(1)> Анкета', en: 'Survey' },
      completedHtml: `<h3>Дякуємо</h3>${FOUND}`,
      completedBeforeHtml: { default: '<script>alert(1)</script>Вже', en: 'Already<svg onload=alert(1)>' },
      loadingHtml: '<iframe src="javascript:alert(1)"></iframe>…',
      completedHtmlOnCondition: [{ expression: '{age} > 60', html: { uk: '<b onclick="alert(1)">Так</b>' } }],
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'html', name: 'intro', html: { default: `<p>Вступ</p>${FOUND}`, uk: '<p>Вступ</p><img src=x onerror=alert(1)>', bg: '<a href="javascript:alert(1)">Връзка</a>' } },
            { type: 'panel', name: 'group', elements: [{ type: 'html', name: 'deep', html: '<p onmouseover="alert(1)">Глибоко</p>' }] },
            { type: 'flowpanel', name: 'flow', content: '<b>x</b><img src=x onerror=alert(1)>' },
            { type: 'text', name: 'age', title: 'Вік <b>повних</b> років', defaultValue: '<img src=x onerror=alert(1)>', visibleIf: '{x} = 1' },
          ],
        },
      ],
    };
    expect(sanitiseDefinition(definition)).toEqual({
      ...definition,
      completedHtml: '<h3>Дякуємо</h3>',
      completedBeforeHtml: { default: 'Вже', en: 'Already' },
      loadingHtml: '…',
      completedHtmlOnCondition: [{ expression: '{age} > 60', html: { uk: '<b>Так</b>' } }],
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'html', name: 'intro', html: { default: '<p>Вступ</p>', uk: '<p>Вступ</p>', bg: '<a target="_blank" rel="noopener noreferrer">Връзка</a>' } },
            { type: 'panel', name: 'group', elements: [{ type: 'html', name: 'deep', html: '<p>Глибоко</p>' }] },
            { type: 'flowpanel', name: 'flow', content: '<b>x</b>' },
            // Titles and answers are text, shown as text: kept as typed.
            definition.pages[0]!.elements[3],
          ],
        },
      ],
    });
  });

  it('drops an HTML value that is neither a text nor texts by language', () => {
    expect(sanitiseDefinition({ elements: [{ type: 'html', name: 'n', html: ['<img src=x onerror=alert(1)>'] }, { type: 'html', name: 'm', html: { uk: 'Так', en: { nested: '<img src=x onerror=1>' } } }] })).toEqual({
      elements: [
        { type: 'html', name: 'n' },
        { type: 'html', name: 'm', html: { uk: 'Так' } },
      ],
    });
  });

  it('keeps only http(s) addresses to go to after the form', () => {
    expect(sanitiseDefinition({ navigateToUrl: 'javascript:alert(1)' })).toEqual({});
    expect(sanitiseDefinition({ navigateToUrl: 'java\tscript:alert(1)' })).toEqual({});
    expect(sanitiseDefinition({ navigateToUrl: 'https://example.org/thanks' })).toEqual({ navigateToUrl: 'https://example.org/thanks' });
    expect(
      sanitiseDefinition({
        navigateToUrlOnCondition: [
          { expression: '{a} = 1', url: 'javascript:alert(1)' },
          { expression: '{a} = 2', url: 'http://example.org/' },
        ],
      }),
    ).toEqual({ navigateToUrlOnCondition: [{ expression: '{a} = 2', url: 'http://example.org/' }] });
  });

  it('keeps a "__proto__" key as data', () => {
    const cleaned = sanitiseDefinition(JSON.parse('{"__proto__": {"html": "<img src=x onerror=1>"}, "pages": []}') as Record<string, unknown>);
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(cleaned, '__proto__')?.value).toEqual({ html: '' });
  });

  it('refuses a definition nested deeper than any questionnaire is, before the walk overflows the stack', () => {
    let deep: Record<string, unknown> = { type: 'html', name: 'n', html: 'x' };
    for (let i = 0; i < 5000; i++) deep = { type: 'panel', name: `p${i}`, elements: [deep] };
    const refused = (() => {
      try {
        sanitiseDefinition({ pages: [{ name: 'p', elements: [deep] }] });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).details).toEqual({ issues: [{ path: 'definition', message: 'nesting_too_deep' }] });
    // A deep but real one passes.
    let nested: Record<string, unknown> = { type: 'html', name: 'n', html: 'x' };
    for (let i = 0; i < (MAX_DEFINITION_DEPTH - 10) / 2; i++) nested = { type: 'panel', name: `p${i}`, elements: [nested] };
    expect(() => sanitiseDefinition({ pages: [nested] })).not.toThrow();
  });
});
